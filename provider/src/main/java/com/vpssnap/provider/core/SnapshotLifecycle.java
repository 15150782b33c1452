package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static com.vpssnap.provider.core.SnapshotInputs.DESCRIPTION;
import static com.vpssnap.provider.core.SnapshotInputs.IDENTITY_ID;
import static com.vpssnap.provider.core.SnapshotInputs.NAME;
import static com.vpssnap.provider.core.SnapshotInputs.NAME_PREFIX;
import static com.vpssnap.provider.core.SnapshotInputs.SNAPSHOT_ID;
import static com.vpssnap.provider.core.SnapshotInputs.REVERT_TRIGGER;
import static com.vpssnap.provider.core.SnapshotInputs.REVERT_TRIGGER_MAX;

/**
 * The lifecycle every snapshot resource shares, whatever its cloud: start → wait until ready
 * (kept as a partial create when the wait fails), revert → re-read, a preview with every output
 * unknown, and the common inputs' rules. A cloud writes only what differs: its API calls, its
 * ids and its states.
 *
 * @param <C> the cloud's API client
 * @param <S> the cloud's snapshot, as its client returns it
 */
public abstract class SnapshotLifecycle<C, S> implements SnapshotResource {
    private final ResourceSpec spec;
    private final CloudConnection<C> connection;
    private final int descriptionMax;

    protected SnapshotLifecycle(ResourceSpec spec, CloudConnection<C> connection, int descriptionMax) {
        this.spec = spec;
        this.connection = connection;
        this.descriptionMax = descriptionMax;
    }

    /** Adds the rules for the cloud's own inputs: the server and the name. */
    protected abstract void checkServerAndName(InputValidator rules, Props inputs);

    /** Adds the rule for the server alone (an identity, a listing's query). */
    protected abstract void checkServer(InputValidator rules, Props values);

    /** The resource id of the snapshot an identity names; only an {@link ResourceSpec#identifiable()} resource is asked. */
    protected String idOf(Props identity) {
        throw offersNo("identity");
    }

    /** Every snapshot of the query's server, oldest first, every page of it. */
    protected abstract List<S> listAll(C client, Props query);

    /** Asks the cloud for a snapshot; recovers a lost answer rather than asking twice. */
    protected abstract S start(C client, Props inputs, Operation operation);

    /** The resource id of a snapshot of this server ({@code inputs} names the server). */
    protected abstract String id(Props inputs, S snapshot);

    /** Whether the cloud reports the snapshot ready (Locaweb {@code done}, VPS.org {@code completed}). */
    protected abstract boolean isReady(S snapshot);

    /** Waits until the started snapshot is ready; throws when it failed or the time is up. */
    protected abstract S awaitReady(C client, String id, S started, Operation operation);

    /** The snapshot as the cloud has it now, or empty when it is gone. */
    protected abstract Optional<S> find(C client, String id, Props oldState);

    /** The inputs the cloud's snapshot implies: server, name and description (none when empty). */
    protected abstract Props.Builder inputsOf(String id, S snapshot);

    /** Adds the outputs the cloud reports for a snapshot. */
    protected abstract void putOutputs(Props.Builder state, S snapshot);

    /**
     * Reverts (or restores) the server to this snapshot and waits until it is done. Only a
     * {@link ResourceSpec#revertible()} resource is asked; a cloud without reverts leaves it be.
     */
    protected void revert(C client, String id, Props oldState, Operation operation) {
        throw offersNo("revert");
    }

    /** Deletes the snapshot and waits until it is gone. */
    protected abstract void remove(C client, String id, Props oldState, Operation operation);

    @Override
    public final ResourceSpec spec() {
        return spec;
    }

    @Override
    public final CheckResult check(Props inputs) {
        Props normalised = Descriptions.normalise(inputs);
        InputValidator rules = InputValidator.structural(spec.token(), spec.inputs(), normalised);
        checkServerAndName(rules, normalised);
        rules.printable(normalised, DESCRIPTION, 0, descriptionMax);
        if (spec.revertible()) {
            rules.text(normalised, REVERT_TRIGGER, 0, REVERT_TRIGGER_MAX, null, "");
        }
        return new CheckResult(normalised, rules.failures());
    }

    @Override
    public final DiffResult diff(String id, Props oldState, Props newInputs) {
        return InputDiff.compare(spec, oldState, newInputs);
    }

    @Override
    public final Props preview(Props inputs) {
        Props.Builder state = inputs.toBuilder();
        for (PropertySpec output : spec.outputs()) {
            state.put(output.name(), Unknown.VALUE);
        }
        return state.build();
    }

    @Override
    public final Created create(Props inputs, Operation operation) {
        C client = client();
        S started = start(client, inputs, operation);
        String id = id(inputs, started);
        try {
            // A create answer that already says ready needs no wait: with no creation time (the
            // emulator in a CI job) the first look would only add its first interval.
            S ready = isReady(started) ? started : awaitReady(client, id, started, operation);
            return new Created(id, state(inputs, ready));
        } catch (RuntimeException e) {
            // The snapshot exists: report it so the state keeps it rather than losing it.
            throw new PartialCreateException(id, state(inputs, started),
                    "snapshot " + id + " was created but did not become ready: " + e.getMessage(), e);
        }
    }

    @Override
    public final Optional<ReadResult> read(String id, Props oldState, Operation operation) {
        return find(client(), id, oldState).map(snapshot -> {
            // The trigger lives only in state: no cloud has such a field.
            Props.Builder implied = inputsOf(id, snapshot);
            Props inputs = (spec.revertible() ? implied.put(REVERT_TRIGGER, oldState.string(REVERT_TRIGGER)) : implied).build();
            return new ReadResult(id(inputs, snapshot), inputs, state(inputs, snapshot));
        });
    }

    @Override
    public final Props update(String id, Props oldState, Props newInputs, Operation operation) {
        C client = client();
        if (spec.revertible() && InputDiff.revertRequested(oldState, newInputs, REVERT_TRIGGER)) {
            revert(client, id, oldState, operation);
        }
        S now = find(client, id, oldState).orElseThrow(() -> new ProviderException(spec.token() + " " + id
                + " is gone from the cloud; run a refresh to drop it from state"));
        return state(newInputs, now);
    }

    @Override
    public final void delete(String id, Props oldState, Operation operation) {
        remove(client(), id, oldState, operation);
    }

    @Override
    public final Props identity(Props state) {
        requireIdentity();
        String server = serverKey();
        return Props.builder().put(server, state.get(server)).put(IDENTITY_ID, state.get(SNAPSHOT_ID)).build();
    }

    @Override
    public final CheckResult checkIdentity(Props identity) {
        requireIdentity();
        InputValidator rules = InputValidator.structural(spec.terraformType() + " identity", spec.identity(), identity);
        checkServer(rules, identity);
        rules.atLeast(identity, IDENTITY_ID, 1);
        return new CheckResult(identity, rules.failures());
    }

    @Override
    public final Optional<ReadResult> readByIdentity(Props identity, Operation operation) {
        CheckResult checked = checkIdentity(identity);
        if (!checked.ok()) {
            throw new InvalidInputException(checked.failures());
        }
        String server = serverKey();
        Optional<ReadResult> read = read(idOf(identity), Props.builder().put(server, identity.get(server)).build(), operation);
        Object actual = read.map(r -> r.state().get(server)).orElse(null);
        if (read.isPresent() && !sameServer(actual, identity.get(server))) {
            throw new InvalidInputException(List.of(new ValidationFailure(server, "snapshot " + identity.get(IDENTITY_ID)
                    + " belongs to server " + actual + ", not to " + identity.get(server)
                    + ": an identity names a snapshot of its own server")));
        }
        return read;
    }

    @Override
    public final void revertTo(Props identity, Operation operation) {
        if (!spec.revertible()) {
            throw offersNo("revert");
        }
        String server = serverKey();
        ReadResult snapshot = readByIdentity(identity, operation).orElseThrow(() -> new InvalidInputException(List.of(
                new ValidationFailure(SNAPSHOT_ID, "server " + identity.get(server) + " has no snapshot "
                        + identity.get(IDENTITY_ID) + ": it must be one of that server's snapshots"))));
        revert(client(), snapshot.id(), snapshot.state(), operation);
    }

    @Override
    public final CheckResult checkListQuery(Props query) {
        InputValidator rules = InputValidator.structural(spec.terraformType() + " list", spec.listQuery(), query);
        checkServer(rules, query);
        rules.printable(query, NAME_PREFIX, 0, 255);
        return new CheckResult(query, rules.failures());
    }

    @Override
    public final List<ReadResult> list(Props query, Operation operation) {
        String prefix = Objects.requireNonNullElse(query.string(NAME_PREFIX), "");
        Props server = Props.builder().put(serverKey(), query.get(serverKey())).build();
        return listAll(client(), query).stream().map(snapshot -> {
            String id = id(server, snapshot);
            Props inputs = inputsOf(id, snapshot).build();
            return new ReadResult(id, inputs, state(inputs, snapshot));
        }).filter(r -> Objects.requireNonNullElse(r.inputs().string(NAME), "").startsWith(prefix)).toList();
    }

    /** Server names compare as text, server ids as numbers (a decoded 12345 may be a BigDecimal). */
    private static boolean sameServer(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    /** The server's key in inputs, identities and queries (Locaweb {@code server}, VPS.org {@code serverId}). */
    private String serverKey() {
        return spec.serverInput();
    }

    /** The adapters offer identities only for an identifiable spec; reaching here without one is a bug. */
    private void requireIdentity() {
        if (!spec.identifiable()) {
            throw offersNo("identity");
        }
    }

    private ProviderException offersNo(String capability) {
        return new ProviderException(spec.terraformType() + " offers no " + capability);
    }

    protected final C client() {
        return connection.client(spec.token());
    }

    private Props state(Props inputs, S snapshot) {
        Props.Builder state = inputs.toBuilder();
        putOutputs(state, snapshot);
        return state.build();
    }
}

package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgSnapshot;
import com.vpssnap.provider.core.CheckResult;
import com.vpssnap.provider.core.CloudClients;
import com.vpssnap.provider.core.Created;
import com.vpssnap.provider.core.Descriptions;
import com.vpssnap.provider.core.DiffResult;
import com.vpssnap.provider.core.InputDiff;
import com.vpssnap.provider.core.InputValidator;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.PartialCreateException;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.ProviderException;
import com.vpssnap.provider.core.ReadResult;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.core.Unknown;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static com.vpssnap.provider.core.vpsorg.VpsorgSpecs.*;

/** vpssnap:vpsorg:Snapshot: a VPS.org snapshot whose revert trigger restores the server in place. */
public final class VpsorgSnapshotResource implements SnapshotResource {
    private static final Logger LOG = Logger.getLogger(VpsorgSnapshotResource.class.getName());
    static final Pattern NAME_CHARS = Pattern.compile("[A-Za-z0-9_-]+");

    private final CloudClients clients;

    public VpsorgSnapshotResource(CloudClients clients) {
        this.clients = clients;
    }

    @Override
    public ResourceSpec spec() {
        return SNAPSHOT;
    }

    @Override
    public CheckResult check(Props inputs) {
        Props normalised = Descriptions.normalise(inputs);
        var failures = InputValidator.structural(SNAPSHOT.token(), SNAPSHOT.inputs(), normalised)
                .atLeast(normalised, SERVER_ID, 1)
                .text(normalised, NAME, 1, NAME_MAX, NAME_CHARS,
                        "VPS.org names use only letters, digits, '-' and '_' (e.g. before-upgrade_1)")
                .printable(normalised, DESCRIPTION, 0, DESCRIPTION_MAX)
                .text(normalised, REVERT_TRIGGER, 0, REVERT_TRIGGER_MAX, null, "")
                .failures();
        return new CheckResult(normalised, failures);
    }

    @Override
    public DiffResult diff(String id, Props oldState, Props newInputs) {
        DiffResult diff = InputDiff.compare(SNAPSHOT, oldState, newInputs);
        if (diff.replaces().isEmpty()) {
            return diff;
        }
        return new DiffResult(diff.changed(), diff.replaces(), serverIsFull(oldState, newInputs));
    }

    /**
     * Create-before-delete would need a sixth snapshot on a full server: then delete first. Only
     * a replacement on the same server can free a place; the count is read from the cloud.
     */
    private boolean serverIsFull(Props oldState, Props newInputs) {
        Long oldServer = oldState.integer(SERVER_ID);
        Long newServer = newInputs.integer(SERVER_ID);
        if (oldServer == null || !oldServer.equals(newServer)) {
            return false;
        }
        try {
            return clients.vpsorg(SNAPSHOT.token()).listSnapshots(newServer).size() >= SNAPSHOTS_PER_SERVER;
        } catch (RuntimeException e) {
            // Without the count, keep the safer order (no moment without a rollback point);
            // a full server then fails the create with VPS.org's own clear message.
            LOG.log(Level.FINE, "could not count snapshots of server " + newServer, e);
            return false;
        }
    }

    @Override
    public Props preview(Props inputs) {
        return inputs.toBuilder()
                .put(SNAPSHOT_ID, Unknown.VALUE).put(SERVER_NAME, Unknown.VALUE).put(STATUS, Unknown.VALUE)
                .put(SIZE_MB, Unknown.VALUE).put(CREATED_AT, Unknown.VALUE)
                .build();
    }

    @Override
    public Created create(Props inputs, Operation operation) {
        VpsorgClient client = clients.vpsorg(SNAPSHOT.token());
        VpsorgSnapshot started = new VpsorgCreate(client, operation)
                .start(inputs.integer(SERVER_ID), inputs.string(NAME), inputs.string(DESCRIPTION));
        try {
            VpsorgSnapshot ready = VpsorgWaits.untilCompleted(client, started, operation);
            return new Created(Long.toString(ready.id()), state(inputs, ready));
        } catch (RuntimeException e) {
            throw new PartialCreateException(Long.toString(started.id()), state(inputs, started),
                    "snapshot " + started.id() + " was created but did not become ready: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ReadResult> read(String id, Props oldState, Operation operation) {
        long snapshotId = parseId(id);
        Optional<VpsorgSnapshot> found = clients.vpsorg(SNAPSHOT.token())
                .findSnapshot(snapshotId, oldState.integer(SERVER_ID));
        return found.map(snapshot -> {
            Props inputs = Props.builder()
                    .put(SERVER_ID, snapshot.serverId())
                    .put(NAME, snapshot.name())
                    .put(DESCRIPTION, Descriptions.fromCloud(snapshot.description()))
                    .put(REVERT_TRIGGER, oldState.string(REVERT_TRIGGER))
                    .build();
            return new ReadResult(Long.toString(snapshot.id()), inputs, state(inputs, snapshot));
        });
    }

    @Override
    public Props update(String id, Props oldState, Props newInputs, Operation operation) {
        long snapshotId = parseId(id);
        VpsorgClient client = clients.vpsorg(SNAPSHOT.token());
        if (InputDiff.revertRequested(oldState, newInputs, REVERT_TRIGGER)) {
            new VpsorgRestore(client, operation).restore(snapshotId, oldState.integer(SERVER_ID));
        }
        VpsorgSnapshot now = client.findSnapshot(snapshotId, oldState.integer(SERVER_ID))
                .orElseThrow(() -> new ProviderException("snapshot " + snapshotId
                        + " is gone from VPS.org; run a refresh to drop it from state"));
        return state(newInputs, now);
    }

    @Override
    public void delete(String id, Props oldState, Operation operation) {
        new VpsorgDelete(clients.vpsorg(SNAPSHOT.token()), operation).delete(parseId(id), oldState.integer(SERVER_ID));
    }

    static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ProviderException("\"" + id + "\" is not a VPS.org snapshot id: expected a number, e.g. 801");
        }
    }

    static Props state(Props inputs, VpsorgSnapshot snapshot) {
        return inputs.toBuilder()
                .put(SNAPSHOT_ID, snapshot.id())
                .put(SERVER_NAME, snapshot.serverName())
                .put(STATUS, snapshot.status())
                .put(SIZE_MB, snapshot.sizeMb())
                .put(CREATED_AT, snapshot.createdAt() == null ? null : snapshot.createdAt().toString())
                .build();
    }

}

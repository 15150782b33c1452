package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
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
import com.vpssnap.provider.core.ReadResult;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.core.Unknown;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.Optional;
import java.util.regex.Pattern;

import static com.vpssnap.provider.core.locaweb.LocawebSpecs.*;

/** vpssnap:locaweb:Snapshot: a Locaweb Cloud snapshot whose revert trigger reverts the server in place. */
public final class LocawebSnapshotResource implements SnapshotResource {
    static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final CloudClients clients;

    public LocawebSnapshotResource(CloudClients clients) {
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
                .text(normalised, SERVER, 1, SERVER_MAX, SERVER_NAME,
                        "a Locaweb server name has letters, digits, '.', '_' and '-' (e.g. cpro0299)")
                .printable(normalised, NAME, 1, NAME_MAX)
                .printable(normalised, DESCRIPTION, 0, DESCRIPTION_MAX)
                .text(normalised, REVERT_TRIGGER, 0, REVERT_TRIGGER_MAX, null, "")
                .failures();
        return new CheckResult(normalised, failures);
    }

    @Override
    public DiffResult diff(String id, Props oldState, Props newInputs) {
        return InputDiff.compare(SNAPSHOT, oldState, newInputs);
    }

    @Override
    public Props preview(Props inputs) {
        return inputs.toBuilder()
                .put(SNAPSHOT_ID, Unknown.VALUE).put(UUID, Unknown.VALUE)
                .put(TAKEN_AT, Unknown.VALUE).put(STATUS, Unknown.VALUE)
                .build();
    }

    @Override
    public Created create(Props inputs, Operation operation) {
        LocawebClient client = clients.locaweb(SNAPSHOT.token());
        String server = inputs.string(SERVER);
        LocawebSnapshot started = new LocawebCreate(client, operation).start(server,
                inputs.string(NAME), inputs.string(DESCRIPTION));
        LocawebSnapshotId id = new LocawebSnapshotId(server, started.id());
        try {
            LocawebSnapshot ready = LocawebWaits.untilDone(client, id, operation);
            return new Created(id.toString(), state(inputs, ready));
        } catch (RuntimeException e) {
            // The snapshot exists: report it so the state keeps it rather than losing it.
            throw new PartialCreateException(id.toString(), state(inputs, started),
                    "snapshot " + id + " was created but did not become ready: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ReadResult> read(String id, Props oldState, Operation operation) {
        LocawebSnapshotId parsed = LocawebSnapshotId.parse(id);
        LocawebClient client = clients.locaweb(SNAPSHOT.token());
        LocawebSnapshot snapshot;
        try {
            snapshot = client.getSnapshot(parsed.server(), parsed.snapshotId());
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
        Props inputs = Props.builder()
                .put(SERVER, parsed.server())
                .put(NAME, snapshot.name())
                .put(DESCRIPTION, Descriptions.fromCloud(snapshot.description()))
                // The trigger lives only in state: the cloud has no such field.
                .put(REVERT_TRIGGER, oldState.string(REVERT_TRIGGER))
                .build();
        return Optional.of(new ReadResult(parsed.toString(), inputs, state(inputs, snapshot)));
    }

    @Override
    public Props update(String id, Props oldState, Props newInputs, Operation operation) {
        LocawebSnapshotId parsed = LocawebSnapshotId.parse(id);
        LocawebClient client = clients.locaweb(SNAPSHOT.token());
        if (InputDiff.revertRequested(oldState, newInputs, REVERT_TRIGGER)) {
            new LocawebRevert(client, operation).revert(parsed);
        }
        LocawebSnapshot now = client.getSnapshot(parsed.server(), parsed.snapshotId());
        return state(newInputs, now);
    }

    @Override
    public void delete(String id, Props oldState, Operation operation) {
        LocawebSnapshotId parsed = LocawebSnapshotId.parse(id);
        new LocawebDelete(clients.locaweb(SNAPSHOT.token()), operation).delete(parsed);
    }

    static Props state(Props inputs, LocawebSnapshot snapshot) {
        return inputs.toBuilder()
                .put(SNAPSHOT_ID, snapshot.id())
                .put(UUID, snapshot.uuid())
                .put(TAKEN_AT, timestamp(snapshot))
                .put(STATUS, snapshot.status())
                .build();
    }

    /** ISO-8601 with seconds always shown (OffsetDateTime.toString drops ":00"). */
    static String timestamp(LocawebSnapshot snapshot) {
        return snapshot.takenAt() == null ? null
                : snapshot.takenAt().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}

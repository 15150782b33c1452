package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.core.CloudConnection;
import com.vpssnap.provider.core.Descriptions;
import com.vpssnap.provider.core.InputValidator;
import com.vpssnap.provider.core.LostAnswerRecovery;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.SnapshotInputs;
import com.vpssnap.provider.core.SnapshotLifecycle;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.vpssnap.provider.core.locaweb.LocawebSpecs.*;

/** vpssnap:locaweb:Snapshot: a Locaweb Cloud snapshot whose revert trigger reverts the server in place. */
public final class LocawebSnapshotResource extends SnapshotLifecycle<LocawebClient, LocawebSnapshot> {
    static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final String SERVER_NAME_RULE = "a Locaweb server name has letters, digits, '.', '_' and '-' (e.g. cpro0299)";

    LocawebSnapshotResource(CloudConnection<LocawebClient> connection) {
        super(SNAPSHOT, connection, DESCRIPTION_MAX);
    }

    @Override
    protected void checkServerAndName(InputValidator rules, Props inputs) {
        checkServer(rules, inputs);
        rules.printable(inputs, NAME, 1, NAME_MAX);
    }

    @Override
    protected void checkServer(InputValidator rules, Props values) {
        rules.text(values, SERVER, 1, SERVER_MAX, SERVER_NAME, SERVER_NAME_RULE);
    }

    @Override
    protected String idOf(Props identity) {
        return new LocawebSnapshotId(identity.string(SERVER), identity.integer(SnapshotInputs.IDENTITY_ID)).toString();
    }

    @Override
    protected List<LocawebSnapshot> listAll(LocawebClient client, Props query) {
        return client.listSnapshots(query.string(SERVER));
    }

    @Override
    protected LocawebSnapshot start(LocawebClient client, Props inputs, Operation operation) {
        String server = inputs.string(SERVER);
        String name = inputs.string(NAME);
        return LostAnswerRecovery.create("snapshot " + name + " of server " + server,
                () -> client.createSnapshot(server, name, inputs.string(DESCRIPTION)),
                since -> LostAnswerRecovery.newestNamed(client.listSnapshots(server), name, LocawebSnapshot::name,
                        s -> s.takenAt() == null ? null : s.takenAt().toInstant(), LocawebSnapshot::id, since), operation);
    }

    @Override
    protected String id(Props inputs, LocawebSnapshot snapshot) {
        return new LocawebSnapshotId(inputs.string(SERVER), snapshot.id()).toString();
    }

    @Override
    protected boolean isReady(LocawebSnapshot snapshot) {
        return LocawebSnapshot.DONE.equals(snapshot.status());
    }

    @Override
    protected LocawebSnapshot awaitReady(LocawebClient client, String id, LocawebSnapshot started, Operation operation) {
        return LocawebWaits.untilDone(client, LocawebSnapshotId.parse(id), operation);
    }

    @Override
    protected Optional<LocawebSnapshot> find(LocawebClient client, String id, Props oldState) {
        LocawebSnapshotId parsed = LocawebSnapshotId.parse(id);
        try {
            return Optional.of(client.getSnapshot(parsed.server(), parsed.snapshotId()));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    @Override
    protected Props.Builder inputsOf(String id, LocawebSnapshot snapshot) {
        return Props.builder()
                .put(SERVER, LocawebSnapshotId.parse(id).server())
                .put(NAME, snapshot.name())
                .put(DESCRIPTION, Descriptions.fromCloud(snapshot.description()));
    }

    @Override
    protected void putOutputs(Props.Builder state, LocawebSnapshot snapshot) {
        state.put(SNAPSHOT_ID, snapshot.id())
                .put(UUID, snapshot.uuid())
                .put(TAKEN_AT, timestamp(snapshot))
                .put(STATUS, snapshot.status());
    }

    @Override
    protected void revert(LocawebClient client, String id, Props oldState, Operation operation) {
        LocawebRevert.revert(client, LocawebSnapshotId.parse(id), operation);
    }

    @Override
    protected void remove(LocawebClient client, String id, Props oldState, Operation operation) {
        LocawebDelete.delete(client, LocawebSnapshotId.parse(id), operation);
    }

    /** One item of getSnapshots. */
    static Map<String, Object> item(LocawebSnapshot s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(SNAPSHOT_ID, s.id());
        item.put(NAME, s.name());
        item.put(DESCRIPTION, s.description() == null ? "" : s.description());
        item.put(UUID, s.uuid());
        item.put(TAKEN_AT, timestamp(s));
        item.put(STATUS, s.status());
        return item;
    }

    /** ISO-8601 with seconds always shown (OffsetDateTime.toString drops ":00"). */
    static String timestamp(LocawebSnapshot snapshot) {
        return snapshot.takenAt() == null ? null : snapshot.takenAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}

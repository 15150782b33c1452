package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgSnapshot;
import com.vpssnap.provider.core.CloudConnection;
import com.vpssnap.provider.core.Descriptions;
import com.vpssnap.provider.core.InputValidator;
import com.vpssnap.provider.core.LostAnswerRecovery;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.ProviderException;
import com.vpssnap.provider.core.SnapshotInputs;
import com.vpssnap.provider.core.SnapshotLifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static com.vpssnap.provider.core.vpsorg.VpsorgSpecs.*;

/** vpssnap:vpsorg:Snapshot: a VPS.org snapshot whose revert trigger restores the server in place. */
public final class VpsorgSnapshotResource extends SnapshotLifecycle<VpsorgClient, VpsorgSnapshot> {
    private static final Logger LOG = Logger.getLogger(VpsorgSnapshotResource.class.getName());
    static final Pattern NAME_CHARS = Pattern.compile("[A-Za-z0-9_-]+");

    VpsorgSnapshotResource(CloudConnection<VpsorgClient> connection) {
        super(SNAPSHOT, connection, DESCRIPTION_MAX);
    }

    @Override
    protected void checkServerAndName(InputValidator rules, Props inputs) {
        checkServer(rules, inputs);
        rules.text(inputs, NAME, 1, NAME_MAX, NAME_CHARS,
                "VPS.org names use only letters, digits, '-' and '_' (e.g. before-upgrade_1)");
    }

    @Override
    protected void checkServer(InputValidator rules, Props values) {
        rules.atLeast(values, SERVER_ID, 1);
    }

    @Override
    protected String idOf(Props identity) {
        return Long.toString(identity.integer(SnapshotInputs.IDENTITY_ID));
    }

    @Override
    protected List<VpsorgSnapshot> listAll(VpsorgClient client, Props query) {
        return client.listSnapshots(query.integer(SERVER_ID));
    }

    /**
     * Create-before-delete would need a sixth snapshot on a full server: then delete first. Only
     * a replacement on the same server can free a place; the count is read from the cloud.
     */
    @Override
    public boolean deleteBeforeReplace(Props oldState, Props newInputs) {
        Long oldServer = oldState.integer(SERVER_ID);
        Long newServer = newInputs.integer(SERVER_ID);
        if (oldServer == null || !oldServer.equals(newServer)) {
            return false;
        }
        try {
            return client().listSnapshots(newServer).size() >= SNAPSHOTS_PER_SERVER;
        } catch (RuntimeException e) {
            // Without the count, keep the safer order (no moment without a rollback point);
            // a full server then fails the create with VPS.org's own clear message.
            LOG.log(Level.FINE, "could not count snapshots of server " + newServer, e);
            return false;
        }
    }

    @Override
    protected VpsorgSnapshot start(VpsorgClient client, Props inputs, Operation operation) {
        long serverId = inputs.integer(SERVER_ID);
        String name = inputs.string(NAME);
        return LostAnswerRecovery.create("snapshot " + name + " of server " + serverId,
                () -> client.createSnapshot(serverId, name, inputs.string(DESCRIPTION)),
                since -> LostAnswerRecovery.newestNamed(client.listSnapshots(serverId), name, VpsorgSnapshot::name,
                        VpsorgSnapshot::createdAt, VpsorgSnapshot::id, since), operation);
    }

    @Override
    protected String id(Props inputs, VpsorgSnapshot snapshot) {
        return Long.toString(snapshot.id());
    }

    @Override
    protected boolean isReady(VpsorgSnapshot snapshot) {
        return VpsorgSnapshot.COMPLETED.equals(snapshot.status());
    }

    @Override
    protected VpsorgSnapshot awaitReady(VpsorgClient client, String id, VpsorgSnapshot started, Operation operation) {
        return VpsorgWaits.untilCompleted(client, started, operation);
    }

    @Override
    protected Optional<VpsorgSnapshot> find(VpsorgClient client, String id, Props oldState) {
        return client.findSnapshot(parseId(id), oldState.integer(SERVER_ID));
    }

    @Override
    protected Props.Builder inputsOf(String id, VpsorgSnapshot snapshot) {
        return Props.builder()
                .put(SERVER_ID, snapshot.serverId())
                .put(NAME, snapshot.name())
                .put(DESCRIPTION, Descriptions.fromCloud(snapshot.description()));
    }

    @Override
    protected void putOutputs(Props.Builder state, VpsorgSnapshot snapshot) {
        state.put(SNAPSHOT_ID, snapshot.id())
                .put(SERVER_NAME, snapshot.serverName())
                .put(STATUS, snapshot.status())
                .put(SIZE_MB, snapshot.sizeMb())
                .put(CREATED_AT, snapshot.createdAt() == null ? null : snapshot.createdAt().toString());
    }

    @Override
    protected void revert(VpsorgClient client, String id, Props oldState, Operation operation) {
        VpsorgRestore.restore(client, parseId(id), oldState.integer(SERVER_ID), operation);
    }

    @Override
    protected void remove(VpsorgClient client, String id, Props oldState, Operation operation) {
        VpsorgDelete.delete(client, parseId(id), oldState.integer(SERVER_ID), operation);
    }

    static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ProviderException("\"" + id + "\" is not a VPS.org snapshot id: expected a number, e.g. 801");
        }
    }

    /** One item of getSnapshots. */
    static Map<String, Object> item(VpsorgSnapshot s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(SNAPSHOT_ID, s.id());
        item.put(SERVER_ID, s.serverId());
        item.put(SERVER_NAME, s.serverName());
        item.put(NAME, s.name());
        item.put(DESCRIPTION, s.description() == null ? "" : s.description());
        item.put(STATUS, s.status());
        item.put(SIZE_MB, s.sizeMb());
        item.put(CREATED_AT, s.createdAt() == null ? null : s.createdAt().toString());
        return item;
    }
}

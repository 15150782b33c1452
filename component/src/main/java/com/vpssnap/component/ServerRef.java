package com.vpssnap.component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The one server a {@link RollbackPoints} protects: a Locaweb server name or a VPS.org server id. */
public final class ServerRef {
    /** VPS.org keeps at most this many snapshots per server (the emulator enforces it too: emulator/README.md). */
    static final int VPSORG_SNAPSHOT_LIMIT = 5;
    static final String LOCAWEB_SNAPSHOT = "vpssnap:locaweb:Snapshot";
    static final String VPSORG_SNAPSHOT = "vpssnap:vpsorg:Snapshot";

    private final String locawebServer;
    private final Long vpsorgServerId;

    private ServerRef(String locawebServer, Long vpsorgServerId) {
        this.locawebServer = locawebServer;
        this.vpsorgServerId = vpsorgServerId;
    }

    public static ServerRef locaweb(String server) {
        return new ServerRef(Objects.requireNonNull(server, "server"), null);
    }

    public static ServerRef vpsorg(long serverId) {
        return new ServerRef(null, serverId);
    }

    public boolean isLocaweb() {
        return locawebServer != null;
    }

    /** The snapshot resource type on this server's cloud. */
    String snapshotType() {
        return isLocaweb() ? LOCAWEB_SNAPSHOT : VPSORG_SNAPSHOT;
    }

    /** The inputs of that snapshot resource which name this server. */
    Map<String, Object> serverInputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        if (isLocaweb()) {
            inputs.put("server", locawebServer);
        } else {
            inputs.put("serverId", vpsorgServerId);
        }
        return inputs;
    }

    /** The most checkpoints the cloud lets one server keep, or MAX_VALUE when it sets no limit. */
    int snapshotLimit() {
        return isLocaweb() ? Integer.MAX_VALUE : VPSORG_SNAPSHOT_LIMIT;
    }

    @Override
    public String toString() {
        return isLocaweb() ? "Locaweb server " + locawebServer : "VPS.org server " + vpsorgServerId;
    }
}

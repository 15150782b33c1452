package com.vpssnap.component;

import java.util.Objects;

/** The one server a {@link RollbackPoints} protects: a Locaweb server name or a VPS.org server id. */
public final class ServerRef {
    /** VPS.org keeps at most this many snapshots per server (the emulator enforces it too: emulator/README.md). */
    static final int VPSORG_SNAPSHOT_LIMIT = 5;

    private final String locawebServer;
    private final Integer vpsorgServerId;

    private ServerRef(String locawebServer, Integer vpsorgServerId) {
        this.locawebServer = locawebServer;
        this.vpsorgServerId = vpsorgServerId;
    }

    public static ServerRef locaweb(String server) {
        return new ServerRef(Objects.requireNonNull(server, "server"), null);
    }

    public static ServerRef vpsorg(int serverId) {
        return new ServerRef(null, serverId);
    }

    public boolean isLocaweb() {
        return locawebServer != null;
    }

    public String locawebServer() {
        return locawebServer;
    }

    public int vpsorgServerId() {
        return vpsorgServerId;
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

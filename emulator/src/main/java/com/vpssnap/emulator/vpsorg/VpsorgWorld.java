package com.vpssnap.emulator.vpsorg;

import com.vpssnap.emulator.state.CloudState;
import com.vpssnap.emulator.state.World;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** VPS.org's part of the world, and the rules that give its snapshots and servers their status. */
public final class VpsorgWorld implements CloudState {
    static final long FIRST_SNAPSHOT = 801;

    public Map<Long, VpsorgServerRecord> servers = new LinkedHashMap<>();
    public Map<Long, VpsorgSnapshotRecord> snapshots = new LinkedHashMap<>();
    public long nextSnapshot = FIRST_SNAPSHOT;

    static VpsorgWorld of(World world) {
        return world.state(VpsorgEmulation.NAME, VpsorgWorld.class);
    }

    static String status(VpsorgSnapshotRecord s, long now) {
        if (s.forcedStatus != null) {
            return s.forcedStatus;
        }
        return now < s.readyAt ? "in_progress" : "completed";
    }

    static String serverStatus(VpsorgServerRecord s, long now) {
        return s.restoreEndsAt != null && now < s.restoreEndsAt ? "restoring" : "active";
    }

    List<VpsorgSnapshotRecord> snapshotsOf(Long serverId) {
        return snapshots.values().stream().filter(s -> serverId == null || s.serverId == serverId).toList();
    }
}

package com.vpssnap.emulator.state;

import com.vpssnap.emulator.Timing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the emulator knows, in one object guarded by its own monitor: callers hold
 * {@code synchronized (world)} across a check and the change it allows (the VPS.org limit of 5
 * under concurrent creates). Plain public fields, so the whole world persists as JSON.
 */
public final class World {
    public static final long FIRST_LOCAWEB_SNAPSHOT = 2695;
    public static final long FIRST_LOCAWEB_ACTION = 1;
    public static final long FIRST_VPSORG_SNAPSHOT = 801;

    public Timing timing;
    public List<String> locawebServers = new ArrayList<>();
    public Map<Long, LocawebSnapshotRecord> locawebSnapshots = new LinkedHashMap<>();
    public Map<Long, LocawebActionRecord> locawebActions = new LinkedHashMap<>();
    public Map<Long, VpsorgServerRecord> vpsorgServers = new LinkedHashMap<>();
    public Map<Long, VpsorgSnapshotRecord> vpsorgSnapshots = new LinkedHashMap<>();
    public long nextLocawebSnapshot = FIRST_LOCAWEB_SNAPSHOT;
    public long nextLocawebAction = FIRST_LOCAWEB_ACTION;
    public long nextVpsorgSnapshot = FIRST_VPSORG_SNAPSHOT;

    /** The status a Locaweb snapshot shows at {@code now}; null once its deletion has finished. */
    public static String locawebStatus(LocawebSnapshotRecord s, long now) {
        if (s.deleteRequestedAt != null) {
            long elapsed = now - s.deleteRequestedAt;
            if (elapsed >= s.deleteMs) {
                return null;
            }
            return elapsed < s.deleteMs / 2 ? "waiting_deletion" : "removing";
        }
        if (s.forcedStatus != null) {
            return s.forcedStatus;
        }
        if (now < s.readyAt) {
            return "creating";
        }
        if (s.revertEndsAt != null && now < s.revertEndsAt) {
            return "reverting";
        }
        return "done";
    }

    public static String actionStatus(LocawebActionRecord a, long now) {
        if (a.forcedStatus != null) {
            return a.forcedStatus;
        }
        if (now >= a.endsAt) {
            return "done";
        }
        return now < a.startedAt + (a.endsAt - a.startedAt) / 3 ? "new" : "running";
    }

    public static String vpsorgStatus(VpsorgSnapshotRecord s, long now) {
        if (s.forcedStatus != null) {
            return s.forcedStatus;
        }
        return now < s.readyAt ? "in_progress" : "completed";
    }

    public static String serverStatus(VpsorgServerRecord s, long now) {
        return s.restoreEndsAt != null && now < s.restoreEndsAt ? "restoring" : "active";
    }

    /** Drops Locaweb snapshots whose asynchronous deletion has finished. */
    public void purgeDeleted(long now) {
        locawebSnapshots.values().removeIf(s -> locawebStatus(s, now) == null);
    }

    public List<LocawebSnapshotRecord> locawebSnapshotsOf(String server, long now) {
        purgeDeleted(now);
        return locawebSnapshots.values().stream().filter(s -> s.server.equals(server)).toList();
    }

    public List<VpsorgSnapshotRecord> vpsorgSnapshotsOf(Long serverId) {
        return vpsorgSnapshots.values().stream().filter(s -> serverId == null || s.serverId == serverId).toList();
    }
}

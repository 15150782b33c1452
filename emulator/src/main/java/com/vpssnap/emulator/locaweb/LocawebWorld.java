package com.vpssnap.emulator.locaweb;

import com.vpssnap.emulator.state.CloudState;
import com.vpssnap.emulator.state.World;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Locaweb Cloud's part of the world, and the rules that give its snapshots and actions their status. */
public final class LocawebWorld implements CloudState {
    static final long FIRST_SNAPSHOT = 2695;
    static final long FIRST_ACTION = 1;

    public List<String> servers = new ArrayList<>();
    public Map<Long, LocawebSnapshotRecord> snapshots = new LinkedHashMap<>();
    public Map<Long, LocawebActionRecord> actions = new LinkedHashMap<>();
    public long nextSnapshot = FIRST_SNAPSHOT;
    public long nextAction = FIRST_ACTION;
    /**
     * The largest page the API serves, whatever page[size] asks (CLOUDS.md leaves the cap open);
     * tests lower it to cover listings that span pages. PUT /_emulator/locaweb/page-size sets it.
     */
    public int pageSizeCap = Page.MAX_SIZE;

    static LocawebWorld of(World world) {
        return world.state(LocawebEmulation.NAME, LocawebWorld.class);
    }

    /** The status a snapshot shows at {@code now}; null once its deletion has finished. */
    static String status(LocawebSnapshotRecord s, long now) {
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

    static String actionStatus(LocawebActionRecord a, long now) {
        if (a.forcedStatus != null) {
            return a.forcedStatus;
        }
        if (now >= a.endsAt) {
            return "done";
        }
        return now < a.startedAt + (a.endsAt - a.startedAt) / 3 ? "new" : "running";
    }

    /** Drops snapshots whose asynchronous deletion has finished. */
    void purgeDeleted(long now) {
        snapshots.values().removeIf(s -> status(s, now) == null);
    }

    List<LocawebSnapshotRecord> snapshotsOf(String server, long now) {
        purgeDeleted(now);
        return snapshots.values().stream().filter(s -> s.server.equals(server)).toList();
    }
}

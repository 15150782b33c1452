package com.vpssnap.emulator.locaweb;

/**
 * A Locaweb snapshot as stored. Times are epoch milliseconds; the status is computed from them
 * when read (see {@link LocawebWorld#status}), unless {@code forcedStatus} overrides it.
 */
public final class LocawebSnapshotRecord {
    public long id;
    public String server;
    public String name;
    public String description;
    public String uuid;
    public long takenAt;
    public long readyAt;
    public Long deleteRequestedAt;
    public long deleteMs;
    public Long revertEndsAt;
    public String forcedStatus;
}

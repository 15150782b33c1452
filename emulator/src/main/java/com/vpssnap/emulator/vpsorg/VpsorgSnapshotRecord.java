package com.vpssnap.emulator.vpsorg;

/** A VPS.org snapshot as stored; {@code in_progress} until {@code readyAt}, then {@code completed}. */
public final class VpsorgSnapshotRecord {
    public long id;
    public long serverId;
    public String name;
    public String description;
    public long createdAt;
    public long readyAt;
    public long sizeMb;
    public String forcedStatus;
}

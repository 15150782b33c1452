package com.vpssnap.emulator.locaweb;

/** A revert action: {@code new} for the first third of its time, then {@code running}, then {@code done}. */
public final class LocawebActionRecord {
    public long id;
    public long snapshotId;
    public String server;
    public long startedAt;
    public long endsAt;
    public String forcedStatus;
}

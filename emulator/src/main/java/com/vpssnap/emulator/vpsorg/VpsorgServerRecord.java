package com.vpssnap.emulator.vpsorg;

/** A VPS.org server; {@code restoring} until {@code restoreEndsAt}. */
public final class VpsorgServerRecord {
    public long id;
    public String name;
    public Long restoreEndsAt;

    public VpsorgServerRecord() {
    }

    public VpsorgServerRecord(long id, String name) {
        this.id = id;
        this.name = name;
    }
}

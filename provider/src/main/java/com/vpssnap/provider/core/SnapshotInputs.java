package com.vpssnap.provider.core;

/** The inputs every snapshot resource has, whatever its cloud; the server it belongs to is per cloud. */
public final class SnapshotInputs {
    public static final String NAME = "name";
    public static final String DESCRIPTION = Descriptions.KEY;
    public static final String REVERT_TRIGGER = "revertTrigger";
    /** The trigger lives only in state; the limit keeps a state file and a plan readable. */
    public static final int REVERT_TRIGGER_MAX = 1000;

    private SnapshotInputs() {
    }
}

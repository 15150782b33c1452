package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.ResourceSpec;

/** The inputs every snapshot resource has, whatever its cloud; the server it belongs to is per cloud. */
public final class SnapshotInputs {
    public static final String NAME = "name";
    public static final String DESCRIPTION = Descriptions.KEY;
    public static final String REVERT_TRIGGER = ResourceSpec.REVERT_TRIGGER;
    /** The trigger lives only in state; the limit keeps a state file and a plan readable. */
    public static final int REVERT_TRIGGER_MAX = 1000;
    /** Every cloud's numeric snapshot id, an output of the resource. */
    public static final String SNAPSHOT_ID = "snapshotId";
    /** The snapshot id in an identity, which Terraform users write as {@code id}. */
    public static final String IDENTITY_ID = "id";
    /** A listing's optional filter. */
    public static final String NAME_PREFIX = "namePrefix";

    private SnapshotInputs() {
    }
}

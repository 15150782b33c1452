package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.ResourceSpec;

/**
 * How the RollbackPoints component names a server of this cloud, offered by the cloud's module
 * ({@link CloudModule#componentServer}); a cloud that offers none cannot be protected by it.
 *
 * @param input         the component's input ({@code vpsorgServerId})
 * @param cloud         the cloud as messages say it ({@code VPS.org})
 * @param what          what the input holds, as an "allowed" text says it ({@code the VPS.org server id})
 * @param numeric       whether the input is a whole number; otherwise text
 * @param example       a value for the input's description
 * @param snapshot      the snapshot resource the component makes; its first input names the server
 * @param snapshotLimit the most snapshots one server may keep, {@link #NO_LIMIT} when the cloud sets none
 */
public record ComponentServer(String input, String cloud, String what, boolean numeric, Object example,
                              ResourceSpec snapshot, int snapshotLimit) {
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    /** The snapshot resource's input that names the server ({@code server}, {@code serverId}). */
    public String serverInput() {
        return snapshot.serverInput();
    }
}

package com.vpssnap.component;

/**
 * One kind of server a {@link RollbackPoints} can protect: one per cloud that offers it. The
 * provider makes them from its cloud modules, so a new cloud needs no edit here.
 *
 * @param input         the component's input that names such a server ({@code locawebServer})
 * @param cloud         the cloud as messages say it ({@code VPS.org})
 * @param what          what that input holds, as an "allowed" text says it ({@code the VPS.org server id})
 * @param numeric       whether the input is a whole number; otherwise it is text
 * @param snapshotType  the snapshot resource type on that cloud
 * @param serverInput   that resource's input naming the server ({@code serverId})
 * @param snapshotLimit the most snapshots the cloud lets one server keep, {@link #NO_LIMIT} when it sets none
 */
public record ServerKind(String input, String cloud, String what, boolean numeric, String snapshotType,
                         String serverInput, int snapshotLimit) {
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    public boolean limited() {
        return snapshotLimit != NO_LIMIT;
    }
}

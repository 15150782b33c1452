package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.core.ProviderException;

/** A Locaweb snapshot's resource id, {@code SERVER/SNAPSHOT_ID}: the API addresses snapshots under their server. */
public record LocawebSnapshotId(String server, long snapshotId) {

    public static LocawebSnapshotId parse(String id) {
        int slash = id == null ? -1 : id.lastIndexOf('/');
        if (slash > 0 && slash < id.length() - 1) {
            try {
                return new LocawebSnapshotId(id.substring(0, slash), Long.parseLong(id.substring(slash + 1)));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new ProviderException("\"" + id + "\" is not a Locaweb snapshot id: expected SERVER/SNAPSHOT_ID, "
                + "e.g. cpro0299/2695");
    }

    @Override
    public String toString() {
        return server + "/" + snapshotId;
    }
}

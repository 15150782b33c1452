package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.core.Operation;

/** Deletes a snapshot and waits until it is no longer listed; gone already counts as deleted. */
final class VpsorgDelete {
    private VpsorgDelete() {
    }

    static void delete(VpsorgClient client, long snapshotId, Long serverIdHint, Operation operation) {
        try {
            client.deleteSnapshot(snapshotId);
        } catch (NotFoundException gone) {
            return;
        }
        VpsorgWaits.untilGone(client, snapshotId, serverIdHint, operation);
    }
}

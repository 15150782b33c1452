package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.core.Operation;

/** Deletes a snapshot and waits until it is no longer listed; gone already counts as deleted. */
final class VpsorgDelete {
    private final VpsorgClient client;
    private final Operation operation;

    VpsorgDelete(VpsorgClient client, Operation operation) {
        this.client = client;
        this.operation = operation;
    }

    void delete(long snapshotId, Long serverIdHint) {
        try {
            client.deleteSnapshot(snapshotId);
        } catch (NotFoundException gone) {
            return;
        }
        VpsorgWaits.untilGone(client, snapshotId, serverIdHint, operation);
    }
}

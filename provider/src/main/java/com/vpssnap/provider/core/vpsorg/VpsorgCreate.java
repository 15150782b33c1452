package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgSnapshot;
import com.vpssnap.provider.core.Operation;

/** Starts a snapshot: one POST. Waiting for it to complete is {@link VpsorgWaits}' job. */
final class VpsorgCreate {
    private final VpsorgClient client;
    private final Operation operation;

    VpsorgCreate(VpsorgClient client, Operation operation) {
        this.client = client;
        this.operation = operation;
    }

    VpsorgSnapshot start(long serverId, String name, String description) {
        operation.cancellation().throwIfCancelled("creating snapshot " + name);
        return client.createSnapshot(serverId, name, description);
    }
}

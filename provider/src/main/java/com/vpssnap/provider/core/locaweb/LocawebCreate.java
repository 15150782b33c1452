package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.core.Operation;

/** Starts a snapshot: one POST. Waiting for it to become ready is {@link LocawebWaits}' job. */
final class LocawebCreate {
    private final LocawebClient client;
    private final Operation operation;

    LocawebCreate(LocawebClient client, Operation operation) {
        this.client = client;
        this.operation = operation;
    }

    LocawebSnapshot start(String server, String name, String description) {
        operation.cancellation().throwIfCancelled("creating snapshot " + name);
        return client.createSnapshot(server, name, description);
    }
}

package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgSnapshot;
import com.vpssnap.provider.core.LostAnswerRecovery;
import com.vpssnap.provider.core.Operation;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Starts a snapshot, surviving a lost answer (see {@link LostAnswerRecovery}). Waiting for it to
 * complete is {@link VpsorgWaits}' job.
 */
final class VpsorgCreate {
    private final VpsorgClient client;
    private final Operation operation;

    VpsorgCreate(VpsorgClient client, Operation operation) {
        this.client = client;
        this.operation = operation;
    }

    VpsorgSnapshot start(long serverId, String name, String description) {
        return LostAnswerRecovery.create("snapshot " + name + " of server " + serverId,
                () -> client.createSnapshot(serverId, name, description),
                since -> madeSince(serverId, name, since), operation);
    }

    /** The newest snapshot of this name on the server created since the instant, if the lost POST made one. */
    private Optional<VpsorgSnapshot> madeSince(long serverId, String name, Instant since) {
        return client.listSnapshots(serverId).stream()
                .filter(s -> name.equals(s.name()) && s.createdAt() != null && !s.createdAt().isBefore(since))
                .max(Comparator.comparingLong(VpsorgSnapshot::id));
    }
}

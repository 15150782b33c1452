package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.core.LostAnswerRecovery;
import com.vpssnap.provider.core.Operation;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Starts a snapshot, surviving a lost answer (see {@link LostAnswerRecovery}). Waiting for it to
 * become ready is {@link LocawebWaits}' job.
 */
final class LocawebCreate {
    private final LocawebClient client;
    private final Operation operation;

    LocawebCreate(LocawebClient client, Operation operation) {
        this.client = client;
        this.operation = operation;
    }

    LocawebSnapshot start(String server, String name, String description) {
        return LostAnswerRecovery.create("snapshot " + name + " of server " + server,
                () -> client.createSnapshot(server, name, description),
                since -> madeSince(server, name, since), operation);
    }

    /** The newest snapshot of this name on the server taken since the instant, if the lost POST made one. */
    private Optional<LocawebSnapshot> madeSince(String server, String name, Instant since) {
        return client.listSnapshots(server).stream()
                .filter(s -> name.equals(s.name()) && s.takenAt() != null && !s.takenAt().toInstant().isBefore(since))
                .max(Comparator.comparingLong(LocawebSnapshot::id));
    }
}

package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.ConflictException;
import com.vpssnap.provider.cloud.MalformedAnswerException;
import com.vpssnap.provider.cloud.ServerErrorException;
import com.vpssnap.provider.cloud.TransportException;
import com.vpssnap.provider.cloud.locaweb.LocawebAction;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.ProviderException;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reverts a server to a snapshot: a {@code revert} action, waited for until it is done. */
final class LocawebRevert {
    private LocawebRevert() {
    }

    static void revert(LocawebClient client, LocawebSnapshotId id, Operation operation) {
        LocawebSnapshot snapshot = client.getSnapshot(id.server(), id.snapshotId());
        if (!LocawebSnapshot.DONE.equals(snapshot.status())) {
            throw notReady(id, snapshot.status());
        }
        // The snapshot's actions before ours: after a lost answer, a revert not among them is ours.
        Set<Long> before = client.listActions(id.server(), id.snapshotId()).stream().map(LocawebAction::id)
                .collect(Collectors.toSet());
        LocawebAction action;
        try {
            action = client.createRevertAction(id.server(), id.snapshotId());
        } catch (ConflictException e) {
            throw new ProviderException("cannot revert server " + id.server() + " to snapshot " + id.snapshotId()
                    + ": Locaweb refused it: " + e.apiMessage(), e);
        } catch (TransportException | ServerErrorException | MalformedAnswerException e) {
            // The revert may have started: follow it rather than revert a second time.
            action = ourRevert(client, id, before).orElseThrow(() -> new ProviderException("the answer to reverting server "
                    + id.server() + " to snapshot " + id.snapshotId() + " was lost (" + e.getMessage()
                    + "), and Locaweb lists no new revert of it; apply again to revert", e));
        }
        LocawebWaits.untilActionDone(client, id, action.id(), operation);
    }

    /** The revert the lost answer was about: one listed now that was not before. */
    private static Optional<LocawebAction> ourRevert(LocawebClient client, LocawebSnapshotId id, Set<Long> before) {
        return client.listActions(id.server(), id.snapshotId()).stream()
                .filter(a -> "revert".equals(a.action()) && !before.contains(a.id()))
                .reduce((first, second) -> second);
    }

    static ProviderException notReady(LocawebSnapshotId id, String status) {
        return new ProviderException("cannot revert server " + id.server() + " to snapshot " + id.snapshotId()
                + ": its status is '" + status + "', and a revert needs 'done'; wait until it is done and apply again");
    }
}

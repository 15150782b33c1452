package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.core.Operation;

/** Deletes a snapshot and waits for the 404; gone already counts as deleted. */
final class LocawebDelete {
    private LocawebDelete() {
    }

    static void delete(LocawebClient client, LocawebSnapshotId id, Operation operation) {
        try {
            LocawebSnapshot snapshot = client.getSnapshot(id.server(), id.snapshotId());
            String status = snapshot.status();
            if (LocawebSnapshot.CREATING.equals(status) || LocawebSnapshot.REVERTING.equals(status)) {
                // Locaweb refuses to delete a busy snapshot (409): let it settle first.
                status = LocawebWaits.untilSettled(client, id, operation).status();
            }
            boolean alreadyGoing = LocawebSnapshot.WAITING_DELETION.equals(status)
                    || LocawebSnapshot.REMOVING.equals(status);
            if (!alreadyGoing) {
                client.deleteSnapshot(id.server(), id.snapshotId());
            }
            LocawebWaits.untilGone(client, id, operation);
        } catch (NotFoundException gone) {
            // already deleted, by us earlier or by someone else
        }
    }
}

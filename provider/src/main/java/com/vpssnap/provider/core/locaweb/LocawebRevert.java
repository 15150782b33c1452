package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.ConflictException;
import com.vpssnap.provider.cloud.locaweb.LocawebAction;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.ProviderException;

/** Reverts a server to a snapshot: a {@code revert} action, waited for until it is done. */
final class LocawebRevert {
    private final LocawebClient client;
    private final Operation operation;

    LocawebRevert(LocawebClient client, Operation operation) {
        this.client = client;
        this.operation = operation;
    }

    void revert(LocawebSnapshotId id) {
        LocawebSnapshot snapshot = client.getSnapshot(id.server(), id.snapshotId());
        if (!LocawebSnapshot.DONE.equals(snapshot.status())) {
            throw notReady(id, snapshot.status());
        }
        LocawebAction action;
        try {
            action = client.createRevertAction(id.server(), id.snapshotId());
        } catch (ConflictException e) {
            throw new ProviderException("cannot revert server " + id.server() + " to snapshot " + id.snapshotId()
                    + ": Locaweb refused it: " + e.apiMessage(), e);
        }
        LocawebWaits.untilActionDone(client, id, action.id(), operation);
    }

    static ProviderException notReady(LocawebSnapshotId id, String status) {
        return new ProviderException("cannot revert server " + id.server() + " to snapshot " + id.snapshotId()
                + ": its status is '" + status + "', and a revert needs 'done'; wait until it is done and apply again");
    }
}

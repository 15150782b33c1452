package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.BadRequestException;
import com.vpssnap.provider.cloud.MalformedAnswerException;
import com.vpssnap.provider.cloud.ServerErrorException;
import com.vpssnap.provider.cloud.TransportException;
import com.vpssnap.provider.cloud.vpsorg.VpsorgServer;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgSnapshot;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.ProviderException;

/** Restores a server from a snapshot and waits until the server leaves {@code restoring}. */
final class VpsorgRestore {
    private VpsorgRestore() {
    }

    static void restore(VpsorgClient client, long snapshotId, Long serverIdHint, Operation operation) {
        VpsorgSnapshot snapshot = client.findSnapshot(snapshotId, serverIdHint).orElseThrow(() ->
                new ProviderException("cannot restore from snapshot " + snapshotId
                        + ": it is gone from VPS.org; run a refresh to drop it from state"));
        if (!VpsorgSnapshot.COMPLETED.equals(snapshot.status())) {
            throw new ProviderException("cannot restore server " + snapshot.serverId() + " from snapshot " + snapshotId
                    + ": its status is '" + snapshot.status() + "', and a restore needs 'completed'");
        }
        try {
            client.restore(snapshotId);
        } catch (BadRequestException e) {
            throw new ProviderException("cannot restore server " + snapshot.serverId() + " from snapshot "
                    + snapshotId + ": VPS.org refused it: " + e.apiMessage(), e);
        } catch (TransportException | ServerErrorException | MalformedAnswerException e) {
            // The restore may have started: follow it rather than restore a second time.
            if (!VpsorgServer.RESTORING.equals(client.getServer(snapshot.serverId()).status())) {
                throw new ProviderException("the answer to restoring server " + snapshot.serverId() + " from snapshot "
                        + snapshotId + " was lost (" + e.getMessage() + "), and the server is not restoring; "
                        + "apply again to restore", e);
            }
        }
        VpsorgWaits.untilNotRestoring(client, snapshot.serverId(), operation);
    }
}

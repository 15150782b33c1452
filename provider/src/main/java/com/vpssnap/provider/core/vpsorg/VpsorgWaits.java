package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgServer;
import com.vpssnap.provider.cloud.vpsorg.VpsorgSnapshot;
import com.vpssnap.provider.cloud.wait.Poll;
import com.vpssnap.provider.cloud.wait.Poller;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.ProviderException;

import java.util.Optional;

/** The VPS.org states vpssnap waits for, all through the one {@link Poller}. */
final class VpsorgWaits {
    private VpsorgWaits() {
    }

    /** Until the snapshot is {@code completed}; {@code failed}, or vanishing, fails at once. */
    static VpsorgSnapshot untilCompleted(VpsorgClient client, VpsorgSnapshot started, Operation op) {
        return Poller.DEFAULT.await("snapshot " + started.id(), "completed", () -> {
            VpsorgSnapshot s = client.findSnapshot(started.id(), started.serverId()).orElseThrow(() ->
                    new ProviderException("snapshot " + started.id() + " disappeared from VPS.org while being created"));
            if (VpsorgSnapshot.COMPLETED.equals(s.status())) {
                return Poll.done(s);
            }
            if (VpsorgSnapshot.FAILED.equals(s.status())) {
                throw new ProviderException("snapshot " + started.id() + " ended in status failed on VPS.org");
            }
            return Poll.pending(s.status());
        }, op.deadline(), op.cancellation(), op.progress());
    }

    /** Until the server leaves {@code restoring}: that is when a restore is over. */
    static VpsorgServer untilNotRestoring(VpsorgClient client, long serverId, Operation op) {
        return Poller.DEFAULT.await("restore of server " + serverId, "no longer restoring", () -> {
            VpsorgServer server = client.getServer(serverId);
            return VpsorgServer.RESTORING.equals(server.status()) ? Poll.pending(server.status()) : Poll.done(server);
        }, op.deadline(), op.cancellation(), op.progress());
    }

    /** Until the snapshot is no longer listed. */
    static void untilGone(VpsorgClient client, long snapshotId, Long serverIdHint, Operation op) {
        Poller.DEFAULT.await("snapshot " + snapshotId, "deleted", () -> {
            Optional<VpsorgSnapshot> s = client.findSnapshot(snapshotId, serverIdHint);
            return s.isPresent() ? Poll.pending(s.get().status()) : Poll.done(Boolean.TRUE);
        }, op.deadline(), op.cancellation(), op.progress());
    }
}

package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.cloud.locaweb.LocawebAction;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.cloud.wait.Poll;
import com.vpssnap.provider.cloud.wait.Poller;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.ProviderException;

/** The Locaweb states vpssnap waits for, all through the one {@link Poller}. */
final class LocawebWaits {
    private LocawebWaits() {
    }

    /** Until the snapshot is {@code done}; {@code error} fails at once. */
    static LocawebSnapshot untilDone(LocawebClient client, LocawebSnapshotId id, Operation op) {
        return Poller.DEFAULT.await("snapshot " + id, "done", () -> {
            LocawebSnapshot s = client.getSnapshot(id.server(), id.snapshotId());
            if (LocawebSnapshot.DONE.equals(s.status())) {
                return Poll.done(s);
            }
            if (LocawebSnapshot.ERROR.equals(s.status())) {
                throw new ProviderException("snapshot " + id + " ended in status error on Locaweb Cloud");
            }
            return Poll.pending(s.status());
        }, op.deadline(), op.cancellation(), op.progress());
    }

    /** Until a creating or reverting snapshot settles, so that it can be deleted. */
    static LocawebSnapshot untilSettled(LocawebClient client, LocawebSnapshotId id, Operation op) {
        return Poller.DEFAULT.await("snapshot " + id, "done or error", () -> {
            LocawebSnapshot s = client.getSnapshot(id.server(), id.snapshotId());
            boolean busy = LocawebSnapshot.CREATING.equals(s.status()) || LocawebSnapshot.REVERTING.equals(s.status());
            return busy ? Poll.pending(s.status()) : Poll.done(s);
        }, op.deadline(), op.cancellation(), op.progress());
    }

    /** Until the snapshot answers 404: Locaweb deletes asynchronously. */
    static void untilGone(LocawebClient client, LocawebSnapshotId id, Operation op) {
        Poller.DEFAULT.await("snapshot " + id, "deleted", () -> {
            try {
                return Poll.pending(client.getSnapshot(id.server(), id.snapshotId()).status());
            } catch (NotFoundException gone) {
                return Poll.done(Boolean.TRUE);
            }
        }, op.deadline(), op.cancellation(), op.progress());
    }

    /** Until the action is {@code done}; {@code failed} fails at once. */
    static LocawebAction untilActionDone(LocawebClient client, LocawebSnapshotId id, long actionId, Operation op) {
        return Poller.DEFAULT.await("revert of snapshot " + id, "done", () -> {
            LocawebAction action = client.getAction(id.server(), id.snapshotId(), actionId);
            if (LocawebAction.DONE.equals(action.status())) {
                return Poll.done(action);
            }
            if (LocawebAction.FAILED.equals(action.status())) {
                throw new ProviderException("the revert of server " + id.server() + " to snapshot " + id.snapshotId()
                        + " failed (Locaweb action " + actionId + " ended in status failed)");
            }
            return Poll.pending(action.status());
        }, op.deadline(), op.cancellation(), op.progress());
    }
}

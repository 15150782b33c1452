package com.vpssnap.provider.cloud.wait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stop signal shared by every wait and call of an operation. Cancelling wakes sleepers at once
 * and runs the registered hooks (e.g. aborting an HTTP call in flight).
 */
public final class Cancellation {
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    public synchronized void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        notifyAll();
        for (Runnable hook : List.copyOf(hooks)) {
            hook.run();
        }
        hooks.clear();
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Throws when cancelled; call before starting anything that should not start any more. */
    public void throwIfCancelled(String what) {
        if (isCancelled()) {
            throw new CancelledException(what + " was cancelled");
        }
    }

    /** Sleeps for the duration, or less when cancelled; then throws. */
    public synchronized void sleep(Duration duration, String what) {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while (!cancelled && (left = deadline - System.nanoTime()) > 0) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException(what + " was interrupted");
            }
        }
        throwIfCancelled(what);
    }

    /** Runs the hook on cancellation (at once if already cancelled); close the result to unregister. */
    public AutoCloseable onCancel(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return () -> {
                    synchronized (this) {
                        hooks.remove(hook);
                    }
                };
            }
        }
        hook.run();
        return () -> { };
    }
}

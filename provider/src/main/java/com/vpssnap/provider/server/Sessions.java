package com.vpssnap.provider.server;

import java.time.Duration;

/**
 * The server's count of live sessions (and of handoffs being read), and since when it has had
 * none. {@link #exitIfIdle} and {@link #begin} decide under one lock, so that a handoff accepted
 * at the moment the server decides to exit is refused (the launcher runs cold), never dropped.
 */
final class Sessions {
    private int live;
    private long idleSince = System.nanoTime();
    private boolean exiting;

    synchronized boolean begin() {
        if (exiting) {
            return false;
        }
        live++;
        return true;
    }

    synchronized void end() {
        live--;
        if (live == 0) {
            idleSince = System.nanoTime();
        }
    }

    synchronized boolean exitIfIdle(Duration idle) {
        if (live == 0 && System.nanoTime() - idleSince >= idle.toNanos()) {
            exiting = true;
        }
        return exiting;
    }
}

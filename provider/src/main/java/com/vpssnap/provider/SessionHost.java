package com.vpssnap.provider;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What a session borrows from the process that holds it, and which kind of process that is.
 *
 * @param mode     {@link Mode#COLD}: a plugin process of its own; {@link Mode#WARM}: one of the warm
 *                 server's sessions
 * @param loops    the Netty event loops every session of the process shares
 * @param executor where the session's calls run: gRPC's own when cold (null), the session's own
 *                 when warm, whose threads carry the session's log
 * @param shutdown what go-plugin's Shutdown does once its answer is out: end the process (cold)
 *                 or end the session (warm)
 */
public record SessionHost(Mode mode, EventLoops loops, Executor executor, Runnable shutdown) {
    /**
     * A warm session's largest message. A snapshot's plan, state or config is a few KiB, the
     * largest a provider configuration's; 16 MiB leaves the server's 256 MiB heap room for several
     * sessions' largest messages at once, so no one session can exhaust it.
     */
    public static final int WARM_MESSAGE_LIMIT = 16 * 1024 * 1024;

    public enum Mode { COLD, WARM }

    /** A cold plugin process: gRPC's executor, the door's own message limit. */
    public static SessionHost cold(EventLoops loops, Runnable shutdown) {
        return new SessionHost(Mode.COLD, loops, null, shutdown);
    }

    /** A session in the warm server. */
    public static SessionHost warm(EventLoops loops, Executor executor, Runnable shutdown) {
        return new SessionHost(Mode.WARM, loops, Objects.requireNonNull(executor, "a warm session's executor"), shutdown);
    }

    public boolean warm() {
        return mode == Mode.WARM;
    }

    /** The largest message a door with its own {@code doorLimit} takes in this mode. */
    public int messageLimit(int doorLimit) {
        return warm() ? Math.min(doorLimit, WARM_MESSAGE_LIMIT) : doorLimit;
    }
}

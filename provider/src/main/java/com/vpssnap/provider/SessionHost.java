package com.vpssnap.provider;

import java.util.concurrent.Executor;

/**
 * What a session borrows from the process that holds it.
 *
 * @param loops        the Netty event loops every session of the process shares
 * @param executor     where the session's calls run, or null for gRPC's own (a cold plugin). The warm
 *                     server gives each session its own, whose threads carry the session's log.
 * @param shutdown     what go-plugin's Shutdown does once its answer is out: end the process (cold)
 *                     or end the session (warm)
 * @param messageLimit the largest gRPC message the session takes, below its door's own limit: a cold
 *                     plugin has its heap to itself, the warm server shares one among its sessions
 */
public record SessionHost(EventLoops loops, Executor executor, Runnable shutdown, int messageLimit) {
    /**
     * A warm session's largest message. A snapshot's plan, state or config is a few KiB, the
     * largest a provider configuration's; 16 MiB leaves the server's 256 MiB heap room for several
     * sessions' largest messages at once, so no one session can exhaust it.
     */
    public static final int WARM_MESSAGE_LIMIT = 16 * 1024 * 1024;

    /** A cold plugin process: gRPC's executor, the door's own message limit. */
    public static SessionHost cold(EventLoops loops, Runnable shutdown) {
        return new SessionHost(loops, null, shutdown, Integer.MAX_VALUE);
    }

    /** A session in the warm server. */
    public static SessionHost warm(EventLoops loops, Executor executor, Runnable shutdown) {
        return new SessionHost(loops, executor, shutdown, WARM_MESSAGE_LIMIT);
    }

    /** The limit a door with its own {@code doorLimit} applies. */
    public int messageLimit(int doorLimit) {
        return Math.min(doorLimit, messageLimit);
    }
}

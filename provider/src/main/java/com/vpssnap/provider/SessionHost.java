package com.vpssnap.provider;

import java.util.concurrent.Executor;

/**
 * What a session borrows from the process that holds it.
 *
 * @param loops     the Netty event loops every session of the process shares
 * @param executor  where the session's calls run, or null for gRPC's own (a cold plugin). The warm
 *                  server gives each session its own, whose threads carry the session's log.
 * @param shutdown  what go-plugin's Shutdown does once its answer is out: end the process (cold)
 *                  or end the session (warm)
 */
public record SessionHost(EventLoops loops, Executor executor, Runnable shutdown) {
}

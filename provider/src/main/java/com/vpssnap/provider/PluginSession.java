package com.vpssnap.provider;

/**
 * One engine's session with the plugin: a gRPC server on its own loopback port that answers that
 * engine alone. A cold plugin process holds one; the warm server ({@code server/}) holds many.
 */
public interface PluginSession {
    /** The line the engine reads on the plugin's stdout to find the session. */
    String handshakeLine();

    /** Cancels the session's calls and closes its listener: what a cold plugin's death does. */
    void stop();

    /** Returns once the session's listener has closed and its calls have ended. */
    void awaitTermination() throws InterruptedException;
}

package com.vpssnap.provider;

/**
 * What a cold plugin process does with its one session, for both doors: the handshake line alone on
 * stdout, then serve until the session ends. Every way out (the engine's SIGINT or SIGTERM,
 * go-plugin's Shutdown, a kill) runs the shutdown hook: stop the calls, then the event loops, so
 * that the JVM has no thread in native code to wait for at exit ({@link EventLoops}).
 */
public final class ColdPlugin {
    private ColdPlugin() {
    }

    public static void serve(PluginSession session, EventLoops loops) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            session.stop();
            loops.stop();
        }, "vpssnap-shutdown"));
        System.out.println(session.handshakeLine());
        System.out.flush();
        session.awaitTermination();
    }
}

package com.vpssnap.provider.server;

import com.vpssnap.provider.EventLoops;
import com.vpssnap.provider.PluginSession;
import com.vpssnap.provider.SessionHost;
import com.vpssnap.provider.SessionLog;
import com.vpssnap.provider.SessionRefusedException;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One launcher's session in the warm server, from the handoff to its end. The launcher's
 * connection is the session's life line: the session ends when it closes (the engine killed or
 * stopped its plugin process), or when go-plugin's Shutdown ends it from this side.
 *
 * <p>The session owns its executor: every call runs there, on threads that carry the session's
 * {@link SessionLog}, and its end interrupts what is still running.
 */
final class ServedSession {
    private static final Logger LOG = Logger.getLogger(ServedSession.class.getName());
    /** After the stop, how long the session's calls get to end before they are counted as left over. */
    private static final Duration DRAIN = Duration.ofSeconds(2);
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final int number = NUMBERS.incrementAndGet();
    private final SocketChannel launcher;
    private final Handoff handoff;
    private final DataOutputStream out;
    private final ThreadPoolExecutor executor;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable onEnd;
    private volatile PluginSession session;

    private ServedSession(SocketChannel launcher, Handoff handoff, Runnable onEnd) {
        this.launcher = launcher;
        this.handoff = handoff;
        this.onEnd = onEnd;
        this.out = new DataOutputStream(new ChannelOutput(launcher));
        SessionLog log = new LauncherLog(SessionLog.levelFor(handoff.environment().get("VPSSNAP_LOG")));
        AtomicInteger threads = new AtomicInteger();
        // A call runs on an idle thread of the session, or on a new one when none is free, as gRPC's own
        // executor does: a SynchronousQueue hands a task only to a thread waiting for one. (A queue that
        // refused every task made a new thread for every call, and left each idle for a minute: 20,139
        // threads in five warm applies of 100.)
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(log.bind(task), "vpssnap-session-" + number + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the session, answers the launcher, then waits on its connection until the session
     * ends. Every way out ends the session, so the server's count of sessions stays true.
     */
    static void serve(SocketChannel launcher, Handoff handoff, EventLoops loops, Runnable onEnd) {
        ServedSession served = new ServedSession(launcher, handoff, onEnd);
        try {
            served.run(loops);
        } catch (IOException | RuntimeException failed) {
            LOG.warning("session " + served.number + " (" + handoff.door() + ") failed: " + failed);
        } finally {
            served.end("its launcher is gone (the engine stopped the plugin process)");
        }
    }

    private void run(EventLoops loops) throws IOException {
        try {
            session = Doors.open(handoff.door(), handoff.environment(), handoff.arguments(),
                    SessionHost.warm(loops, executor, () -> end("go-plugin's Shutdown")));
        } catch (SessionRefusedException refused) {
            // The session's own refusal (no engine started it): the cold plugin says the same, and the server stays in use.
            Handoff.answer(out, 'C', refused.getMessage());
            end("refused: " + refused.getMessage());
            return;
        } catch (Exception failed) {
            Handoff.answer(out, 'E', "the server could not open a session: " + failed);
            end("could not open: " + failed);
            return;
        }
        LOG.info(() -> "session " + number + " (" + handoff.door() + ") opened");
        Handoff.answer(out, 'K', session.handshakeLine());
        ByteBuffer ignored = ByteBuffer.allocate(64);
        try {
            while (launcher.read(ignored.clear()) >= 0) {
                // The launcher sends nothing after its request: a byte is ignored, the end is what counts.
            }
        } catch (IOException reset) {
            // The same as an end of stream: the launcher is gone.
        }
    }

    /** Stops the session once, counts what it leaves running, tells the launcher and lets it go. */
    private void end(String why) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        PluginSession open = session;
        int atStop = executor.getActiveCount();
        if (open != null) {
            open.stop();
        }
        executor.shutdownNow();
        boolean drained;
        try {
            drained = executor.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        int left = drained ? 0 : executor.getActiveCount();
        if (open != null) {
            LOG.info(() -> "session " + number + " (" + handoff.door() + ") ended, " + why + "; calls in flight at the stop: "
                    + atStop + ", " + DRAIN.toSeconds() + " s later: " + left);
        }
        synchronized (out) {
            try {
                out.writeInt(0);
                out.flush();
            } catch (IOException gone) {
                // The launcher is gone already.
            }
        }
        try {
            launcher.close();
        } catch (IOException ignored) {
            // Closing a socket whose peer is gone.
        }
        onEnd.run();
    }

    /** Log lines framed to the launcher, which copies them to the engine's stderr. */
    private final class LauncherLog extends SessionLog {
        LauncherLog(Level level) {
            super(level);
        }

        @Override
        protected void write(String line) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                try {
                    out.writeInt(bytes.length);
                    out.write(bytes);
                    out.flush();
                } catch (IOException gone) {
                    // The launcher is gone; the session is ending.
                }
            }
        }
    }
}

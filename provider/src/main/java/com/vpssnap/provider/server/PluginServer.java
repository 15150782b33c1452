package com.vpssnap.provider.server;

import com.vpssnap.provider.EventLoops;
import com.vpssnap.provider.StderrLogging;

import java.io.IOException;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * The warm per-user plugin server ({@code VPSSNAP_SERVER=on}): one JVM per user and per package
 * content that opens a session for each launcher that hands one over, so that an engine's plugin
 * start costs a loopback handoff instead of a JVM start. ARCHITECTURE.md has the design.
 *
 * <p>Arguments: the user's private folder and the package key. It listens on a loopback port and
 * publishes "PORT SECRET PID" in {@code server-KEY.endpoint} (0600); a connection that does not
 * start with the secret gets nothing back, not a byte. It exits after VPSSNAP_SERVER_IDLE
 * seconds without a session, or once idle after a launcher retired its endpoint file.
 */
public final class PluginServer {
    private static final Logger LOG = Logger.getLogger(PluginServer.class.getName());
    /** A working day's plan, edit, plan cycle keeps it warm; a lunch break lets it go. */
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    private static final Duration REQUEST_WAIT = Duration.ofSeconds(2);

    private PluginServer() {
    }

    public static void main(String[] args) throws Exception {
        StderrLogging.installPerSession();
        Path dir = Path.of(args[0]);
        String key = args[1];
        Duration idle = idleSetting(System.getenv("VPSSNAP_SERVER_IDLE"));
        ServerSocket listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        EndpointFile endpoint = EndpointFile.claim(dir, key, listener.getLocalPort(), secret);
        if (endpoint == null) {
            LOG.info("another server already serves package " + key + ": exiting");
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(endpoint::release, "vpssnap-release"));
        LOG.info("serving package " + key + " on 127.0.0.1:" + listener.getLocalPort() + " (pid "
                + ProcessHandle.current().pid() + "), exiting after " + idle.toSeconds() + " s without a session");
        EventLoops loops = new EventLoops();
        Sessions sessions = new Sessions();
        Thread watcher = new Thread(() -> watch(sessions, endpoint, listener, idle, loops), "vpssnap-idle");
        watcher.setDaemon(true);
        watcher.start();
        while (true) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (SocketException closed) {
                return; // the watcher closed the listener: it exits once the last session ends
            }
            if (!sessions.begin()) {
                connection.close(); // exiting: the launcher finds no answer and runs cold
                continue;
            }
            Thread handoff = new Thread(() -> handle(connection, secret, key, loops, sessions), "vpssnap-handoff");
            handoff.setDaemon(true);
            handoff.start();
        }
    }

    private static void handle(Socket connection, String secret, String key, EventLoops loops, Sessions sessions) {
        boolean served = false;
        try (connection) {
            connection.setSoTimeout((int) REQUEST_WAIT.toMillis());
            Handoff handoff = Handoff.read(connection.getInputStream(), secret);
            connection.setSoTimeout(0);
            if (!handoff.key().equals(key)) {
                Handoff.answer(new DataOutputStream(connection.getOutputStream()), 'E',
                        "this server serves package " + key + ", not " + handoff.key());
                return;
            }
            served = true;
            ServedSession.serve(connection, handoff, loops, sessions::end);
        } catch (Handoff.Refused refused) {
            LOG.warning("refused " + refused.getMessage() + " from " + connection.getRemoteSocketAddress());
        } catch (IOException | RuntimeException failed) {
            LOG.warning("a handoff failed: " + failed);
        } finally {
            if (!served) {
                sessions.end();
            }
        }
    }

    /** Once a second: exit when idle for long enough, or when idle after losing the endpoint file. */
    private static void watch(Sessions sessions, EndpointFile endpoint, ServerSocket listener, Duration idle, EventLoops loops) {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            boolean retired = !endpoint.isOurs();
            if (retired && !listener.isClosed()) {
                LOG.info("the endpoint file is no longer this server's: no new session; exiting once idle");
                closeQuietly(listener);
            }
            if (sessions.exitIfIdle(retired ? Duration.ZERO : idle)) {
                LOG.info(retired ? "idle and retired: exiting" : "no session for " + idle.toSeconds() + " s: exiting");
                endpoint.release();
                closeQuietly(listener);
                loops.stop();
                System.exit(0);
            }
        }
    }

    private static void closeQuietly(ServerSocket listener) {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing a listener cannot lose anything.
        }
    }

    /** VPSSNAP_SERVER_IDLE: whole seconds, at least 1; unset or invalid gives the default. */
    static Duration idleSetting(String value) {
        if (value != null) {
            try {
                long seconds = Long.parseLong(value.trim());
                if (seconds >= 1) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException ignored) {
                // The launcher checked it already; the default is the safe reading.
            }
            LOG.warning("VPSSNAP_SERVER_IDLE=" + value + " is not a whole number of seconds >= 1: using "
                    + DEFAULT_IDLE.toSeconds());
        }
        return DEFAULT_IDLE;
    }
}

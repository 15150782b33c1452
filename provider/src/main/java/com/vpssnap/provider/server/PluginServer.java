package com.vpssnap.provider.server;

import com.vpssnap.provider.EventLoops;
import com.vpssnap.provider.StderrLogging;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * The warm per-user plugin server ({@code VPSSNAP_SERVER=on}): one JVM per user and per package
 * content that opens a session for each launcher that hands one over, so that an engine's plugin
 * start costs a local handoff instead of a JVM start. ARCHITECTURE.md has the design, and
 * docs/guides/server.md who can do what.
 *
 * <p>Arguments: the user's private folder and the package key. It listens on a Unix socket in that
 * folder ({@code server-PID.sock}) and publishes "SOCKET SECRET PID" in {@code server-KEY.endpoint}
 * (0600). The {@link Gate} takes only this user's connections that prove they hold the secret,
 * after proving it holds it too. It exits after VPSSNAP_SERVER_IDLE seconds without a session, or
 * once idle after a launcher retired its endpoint file.
 */
public final class PluginServer {
    private static final Logger LOG = Logger.getLogger(PluginServer.class.getName());
    /** A working day's plan, edit, plan cycle keeps it warm; a lunch break lets it go. */
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    /** The server's own log; the launcher that starts the next server keeps this one as .log.old. */
    static final long LOG_CAP_BYTES = 1024 * 1024;
    /**
     * Connections the kernel holds until the gate accepts them: kernel memory, no thread. A full
     * backlog makes a launcher's connect fail at once (EAGAIN), and that launcher run cold.
     */
    static final int BACKLOG = 256;

    private PluginServer() {
    }

    public static void main(String[] args) throws Exception {
        StderrLogging.installPerSession(LOG_CAP_BYTES);
        Path dir = Path.of(args[0]);
        String key = args[1];
        Duration idle = idleSetting(System.getenv("VPSSNAP_SERVER_IDLE"));
        long pid = ProcessHandle.current().pid();
        Path socket = dir.resolve("server-" + pid + ".sock");
        Files.deleteIfExists(socket); // only a dead process of this pid (before a reboot) made it
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(socket), BACKLOG);
        // Connecting needs write permission on the socket: only this user has it (the folder is 0700 too).
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        UserPrincipal me = Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS);
        if (!privateFolder(dir, me)) {
            LOG.warning("the folder " + dir + " is not this user's alone (mode 0700): exiting");
            listener.close();
            Files.deleteIfExists(socket);
            return;
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        EndpointFile endpoint = EndpointFile.claim(dir, key, socket, secret);
        if (endpoint == null) {
            LOG.info("another server already serves package " + key + ": exiting");
            listener.close();
            Files.deleteIfExists(socket);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> release(endpoint, socket), "vpssnap-release"));
        LOG.info("serving package " + key + " on " + socket.getFileName() + " (pid " + pid + "), exiting after "
                + idle.toSeconds() + " s without a session");
        EventLoops loops = new EventLoops();
        Sessions sessions = new Sessions();
        Refusals refusals = new Refusals();
        Gate gate = new Gate(listener, secret, me, Gate.DEADLINE, refusals,
                (channel, handoff) -> open(channel, handoff, key, loops, sessions));
        Thread watcher = new Thread(() -> watch(sessions, endpoint, socket, gate, refusals, idle, loops), "vpssnap-idle");
        watcher.setDaemon(true);
        watcher.start();
        gate.run(); // until the watcher closes it: then the sessions still running end on their own
        // Every other thread is a daemon: were main to return now, the JVM would exit under the
        // sessions still running. The watcher alone decides when the process ends.
        watcher.join();
    }

    /** A proven launcher: its session gets a thread of its own, unless the server is on its way out. */
    private static void open(SocketChannel channel, Handoff handoff, String key, EventLoops loops, Sessions sessions) {
        String refusal = !handoff.key().equals(key) ? "this server serves package " + key + ", not " + handoff.key()
                : !sessions.begin() ? "this server is exiting" : null;
        if (refusal != null) {
            try (channel) {
                Handoff.answer(new DataOutputStream(new ChannelOutput(channel)), 'E', refusal);
            } catch (IOException gone) {
                // The launcher runs cold either way.
            }
            return;
        }
        Thread anchor = new Thread(() -> ServedSession.serve(channel, handoff, loops, sessions::end), "vpssnap-session-anchor");
        anchor.setDaemon(true);
        anchor.start();
    }

    /** Once a second: exit when idle for long enough, or when idle after losing the endpoint file. */
    private static void watch(Sessions sessions, EndpointFile endpoint, Path socket, Gate gate, Refusals refusals,
                              Duration idle, EventLoops loops) {
        boolean closed = false;
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            boolean retired = !endpoint.isOurs();
            if (retired && !closed) {
                LOG.info("the endpoint file is no longer this server's: no new session; exiting once idle");
                gate.close();
                closed = true;
            }
            if (sessions.exitIfIdle(retired ? Duration.ZERO : idle)) {
                LOG.info(retired ? "idle and retired: exiting" : "no session for " + idle.toSeconds() + " s: exiting");
                gate.close();
                refusals.logIfDue(true);
                release(endpoint, socket);
                loops.stop();
                System.exit(0);
            }
        }
    }

    private static void release(EndpointFile endpoint, Path socket) {
        endpoint.release();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // A dead server's socket refuses connections; the next launcher removes it.
        }
    }

    /** The folder is a real folder of this user's, with no permission for anyone else. */
    static boolean privateFolder(Path dir, UserPrincipal me) throws IOException {
        PosixFileAttributes folder = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return folder.isDirectory() && folder.owner().equals(me)
                && EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)
                .containsAll(folder.permissions());
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

package com.vpssnap.provider;

import java.nio.charset.StandardCharsets;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One-line log records on stderr: a plugin's stdout is reserved for the handshake line.
 * {@code VPSSNAP_LOG=debug} shows every HTTP call (never its headers).
 */
public final class StderrLogging {
    private StderrLogging() {
    }

    public static void install() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level level = "debug".equalsIgnoreCase(System.getenv("VPSSNAP_LOG")) ? Level.FINE : Level.INFO;
        Handler handler = new ConsoleHandler(); // ConsoleHandler writes to System.err
        handler.setLevel(level);
        handler.setFormatter(new OneLine());
        root.addHandler(handler);
        root.setLevel(level);
        // Keep grpc/netty chatter out of users' terminals.
        Logger.getLogger("io.grpc").setLevel(Level.WARNING);
        Logger.getLogger("io.grpc.netty").setLevel(Level.WARNING);
    }

    /**
     * The warm server's logging: a record made on a session's thread goes to that session
     * ({@link SessionLog}), at the level that session asked for; any other record goes to the
     * server's own stderr (its log file) from INFO up, until {@code capBytes} are written. Never
     * one session's line to another.
     */
    public static void installPerSession(long capBytes) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler server = new CappedStderr(capBytes);
        server.setLevel(Level.INFO);
        root.addHandler(new BySession(server));
        root.setLevel(Level.FINE);
        Logger.getLogger("io.grpc").setLevel(Level.WARNING);
        Logger.getLogger("io.grpc.netty").setLevel(Level.WARNING);
    }

    private static final class BySession extends Handler {
        private final Handler server;
        private final Formatter format = new OneLine();

        BySession(Handler server) {
            this.server = server;
        }

        @Override
        public void publish(LogRecord record) {
            SessionLog session = SessionLog.current();
            if (session == null) {
                server.publish(record);
            } else if (session.wants(record.getLevel())) {
                session.write(format.format(record));
            }
        }

        @Override
        public void flush() {
            server.flush();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** The server's own lines on stderr, up to a cap; the line that reaches it says so, later ones are dropped. */
    private static final class CappedStderr extends Handler {
        private final Formatter format = new OneLine();
        private long left;

        CappedStderr(long capBytes) {
            this.left = capBytes;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (left <= 0 || !isLoggable(record)) {
                return;
            }
            byte[] line = format.format(record).getBytes(StandardCharsets.UTF_8);
            left -= line.length;
            System.err.write(line, 0, line.length);
            if (left <= 0) {
                System.err.print("vpssnap warning StderrLogging: the server's log reached its cap; later lines are dropped\n");
            }
            System.err.flush();
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            String text = "vpssnap " + r.getLevel().getName().toLowerCase() + " "
                    + r.getLoggerName().substring(r.getLoggerName().lastIndexOf('.') + 1) + ": " + formatMessage(r) + "\n";
            if (r.getThrown() != null) {
                java.io.StringWriter trace = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                text += trace;
            }
            return text;
        }
    }
}

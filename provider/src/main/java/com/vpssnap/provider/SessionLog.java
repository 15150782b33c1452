package com.vpssnap.provider;

import java.util.logging.Level;

/**
 * Where the log records of one session's threads go, in the warm server: that session's
 * launcher, which copies them to the stderr the engine reads. A thread belongs to a session
 * only if the session's executor made it (a plain ThreadLocal, not an inheritable one: Netty's
 * shared threads are started lazily by whichever session comes first and must belong to none).
 */
public abstract class SessionLog {
    private static final ThreadLocal<SessionLog> CURRENT = new ThreadLocal<>();
    private final Level level;

    protected SessionLog(Level level) {
        this.level = level;
    }

    /** The level a session asks for with VPSSNAP_LOG, as a cold plugin reads it. */
    public static Level levelFor(String setting) {
        return "debug".equalsIgnoreCase(setting) ? Level.FINE : Level.INFO;
    }

    /** Runs {@code task} on this thread as this session's. */
    public final Runnable bind(Runnable task) {
        return () -> {
            CURRENT.set(this);
            try {
                task.run();
            } finally {
                CURRENT.remove();
            }
        };
    }

    static SessionLog current() {
        return CURRENT.get();
    }

    final boolean wants(Level recordLevel) {
        return recordLevel.intValue() >= level.intValue();
    }

    /** One formatted line (with its newline) for the session's stderr. */
    protected abstract void write(String line);
}

package com.vpssnap.provider.server;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.logging.Logger;

/**
 * Refused connections, counted by reason and logged as one line per interval at most: a flood of
 * junk connections costs the log a line every ten seconds, not a line each.
 */
final class Refusals {
    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());
    static final Duration INTERVAL = Duration.ofSeconds(10);

    /** Why a connection was refused. */
    enum Reason {
        CLOSED("closed before proving itself"),
        NOT_A_LAUNCHER("did not start with the handoff's magic"),
        NO_PROOF("could not prove it holds the secret"),
        MALFORMED("sent a malformed or oversized request after its proof"),
        ANOTHER_USER("of another user"),
        OVER_CAP("dropped at the cap of unproven connections"),
        TOO_SLOW("did not finish the handshake in time");

        final String description;

        Reason(String description) {
            this.description = description;
        }
    }

    private final Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
    private long lastLineNanos = System.nanoTime() - INTERVAL.toNanos();

    synchronized void count(Reason reason) {
        counts.merge(reason, 1, Integer::sum);
    }

    /** Logs what was counted if the last line is an interval old (or {@code now} is true). */
    synchronized void logIfDue(boolean now) {
        if (counts.isEmpty() || (!now && System.nanoTime() - lastLineNanos < INTERVAL.toNanos())) {
            return;
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringJoiner reasons = new StringJoiner(", ");
        counts.forEach((reason, count) -> reasons.add(count + " " + reason.description));
        LOG.warning("refused " + total + " connection" + (total == 1 ? "" : "s") + " since the last such line: " + reasons);
        counts.clear();
        lastLineNanos = System.nanoTime();
    }
}

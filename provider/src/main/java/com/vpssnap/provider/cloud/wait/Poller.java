package com.vpssnap.provider.cloud.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The one way vpssnap waits: sleep a growing interval (initial delay × multiplier, capped), then
 * look, until done, the deadline, or cancellation. Every wait follows an action that has just
 * started, so the first look comes after the first interval, not at once. A short first interval
 * catches fast operations; the cap bounds both the load on the API and the latency added after
 * completion.
 */
public final class Poller {
    /**
     * Looks at 0.2, 0.5, 0.95, 1.6, 2.6 s ...: 5 GETs for a 2 s create, at most 0.7 s after it is
     * done; 1 GET for an instant one (docs/guides/benchmarks.md). It started at 0.5 s, which made every
     * create take at least half a second.
     */
    public static final Poller DEFAULT = new Poller(Duration.ofMillis(200), 1.5, Duration.ofSeconds(5));

    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;

    public Poller(Duration initialDelay, double multiplier, Duration maxDelay) {
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
        }
        this.initialDelay = initialDelay;
        this.multiplier = multiplier;
        this.maxDelay = maxDelay;
    }

    /**
     * Polls until {@code check} answers done.
     *
     * @param subject what is awaited, for messages ("snapshot cpro0299/2695")
     * @param awaited the state awaited, for the timeout message ("done")
     */
    public <T> T await(String subject, String awaited, Supplier<Poll<T>> check, Instant deadline,
                       Cancellation cancellation, ProgressListener progress) {
        long started = System.nanoTime();
        Duration delay = initialDelay;
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            Duration pause = left.isNegative() ? Duration.ZERO : (delay.compareTo(left) < 0 ? delay : left);
            cancellation.sleep(pause, "waiting for " + subject);
            delay = next(delay);
            Poll<T> poll = check.get();
            if (poll.done()) {
                return poll.value();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            progress.onProgress(subject, poll.status(), elapsed);
            if (!Instant.now().isBefore(deadline)) {
                throw new WaitTimeoutException(subject, awaited, poll.status(), elapsed);
            }
        }
    }

    Duration next(Duration delay) {
        Duration grown = Duration.ofMillis((long) (delay.toMillis() * multiplier));
        return grown.compareTo(maxDelay) > 0 ? maxDelay : grown;
    }
}

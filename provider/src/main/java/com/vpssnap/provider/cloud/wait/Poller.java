package com.vpssnap.provider.cloud.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The one way vpssnap waits: look, then sleep a growing interval (initial delay × multiplier,
 * capped) until done, the deadline, or cancellation. A short first interval catches fast
 * operations; the cap bounds both the load on the API and the latency added after completion.
 */
public final class Poller {
    public static final Poller DEFAULT = new Poller(Duration.ofMillis(500), 1.5, Duration.ofSeconds(5));

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
        String last = "unknown";
        while (true) {
            cancellation.throwIfCancelled("waiting for " + subject);
            Poll<T> poll = check.get();
            if (poll.done()) {
                return poll.value();
            }
            last = poll.status();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            progress.onProgress(subject, last, elapsed);
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new WaitTimeoutException(subject, awaited, last, elapsed);
            }
            cancellation.sleep(delay.compareTo(left) < 0 ? delay : left, "waiting for " + subject);
            delay = next(delay);
        }
    }

    Duration next(Duration delay) {
        Duration grown = Duration.ofMillis((long) (delay.toMillis() * multiplier));
        return grown.compareTo(maxDelay) > 0 ? maxDelay : grown;
    }
}

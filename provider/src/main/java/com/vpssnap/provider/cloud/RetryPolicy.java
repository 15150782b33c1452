package com.vpssnap.provider.cloud;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How idempotent calls (GET, DELETE) are retried: exponential backoff with jitter, Retry-After
 * honoured, and an overall budget after which the last error is thrown.
 *
 * @param jitter the fraction each delay is randomly moved by, so parallel clients spread out
 */
public record RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, double jitter,
                          Duration budget, int maxAttempts) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(Duration.ofMillis(250), 2.0, Duration.ofSeconds(5), 0.2, Duration.ofSeconds(60), 8);

    /** The delay before attempt number {@code attempt + 1} (attempt counts from 1). */
    public Duration backoff(int attempt) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(base, maxBackoff.toMillis());
        double spread = capped * jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped + spread)));
    }
}

package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.ApiException;
import com.vpssnap.provider.cloud.MalformedAnswerException;
import com.vpssnap.provider.cloud.RateLimitedException;
import com.vpssnap.provider.cloud.ServerErrorException;
import com.vpssnap.provider.cloud.TransportException;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;

/**
 * A create POST whose answer may be lost. After a failure that may have happened anyway (no
 * answer, a 5xx, or an answer that is not the API's: a proxy's page, a body cut short), it looks for the snapshot the POST may have made, and adopts it; only when
 * there is none does it POST again. So a lost answer neither duplicates a snapshot nor leaves one
 * behind untracked. A 429 means nothing was done: it waits as asked and tries again.
 */
public final class LostAnswerRecovery {
    private static final Logger LOG = Logger.getLogger(LostAnswerRecovery.class.getName());
    static final int ATTEMPTS = 4;
    /** Our clock and the cloud's may disagree; a lookup window this much wider absorbs it. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);

    private LostAnswerRecovery() {
    }

    /**
     * @param what the snapshot, for messages ("snapshot before-upgrade on cpro0299")
     * @param post sends the create
     * @param madeSince finds a snapshot of this name on this server taken at or after the instant
     */
    public static <T> T create(String what, Supplier<T> post, Function<Instant, Optional<T>> madeSince, Operation op) {
        ApiException last = null;
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            op.cancellation().throwIfCancelled("creating " + what);
            Instant started = Instant.now();
            try {
                return post.get();
            } catch (RateLimitedException e) {
                last = e;
                if (e.retryAfterSeconds() > 0) {
                    pause = Duration.ofSeconds(e.retryAfterSeconds());
                }
            } catch (TransportException | ServerErrorException | MalformedAnswerException e) {
                // Each may come after the cloud made the snapshot: look before posting again.
                last = e;
                Optional<T> made = madeSince.apply(started.minus(CLOCK_SKEW));
                if (made.isPresent()) {
                    LOG.info(() -> "the answer to creating " + what + " was lost (" + e.apiMessage()
                            + "); adopting the snapshot it made");
                    return made.get();
                }
            }
            if (attempt < ATTEMPTS) {
                final ApiException cause = last;
                final int next = attempt + 1;
                LOG.info(() -> "creating " + what + " failed (" + cause.apiMessage() + "), and no snapshot was made; attempt "
                        + next + " of " + ATTEMPTS);
                op.cancellation().sleep(pause, "creating " + what);
                pause = pause.multipliedBy(2);
            }
        }
        throw new ProviderException("could not create " + what + " after " + ATTEMPTS + " attempts: " + last.getMessage(), last);
    }

    /**
     * What a lost create made, if anything: the newest snapshot of the listing with this name, made
     * at or after the instant. A snapshot whose time the cloud does not give is never taken for it.
     */
    public static <T> Optional<T> newestNamed(List<T> listing, String name, Function<T, String> nameOf,
                                              Function<T, Instant> madeAt, ToLongFunction<T> idOf, Instant since) {
        return listing.stream()
                .filter(s -> name.equals(nameOf.apply(s)) && madeAt.apply(s) != null && !madeAt.apply(s).isBefore(since))
                .max(Comparator.comparingLong(idOf));
    }
}

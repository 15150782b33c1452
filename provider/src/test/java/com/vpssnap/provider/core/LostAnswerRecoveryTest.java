package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.BadRequestException;
import com.vpssnap.provider.cloud.ServerErrorException;
import com.vpssnap.provider.cloud.TransportException;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The create's answer lost in each way the recovery distinguishes, with the cloud played by two lambdas. */
class LostAnswerRecoveryTest {
    private final Operation operation = Operation.within(Duration.ofMinutes(1), new Cancellation(), ProgressListener.NONE);
    private final AtomicInteger posts = new AtomicInteger();

    @Test
    void aLostAnswerAdoptsTheSnapshotThePostMade() {
        String made = LostAnswerRecovery.create("snapshot s", () -> {
            posts.incrementAndGet();
            throw new TransportException("POST", "/snapshots", new IOException("connection reset"));
        }, since -> Optional.of("made-by-the-lost-post"), operation);
        assertEquals("made-by-the-lost-post", made);
        assertEquals(1, posts.get(), "adopted, not posted again");
    }

    @Test
    void aServerErrorThatMadeNothingIsPostedAgain() {
        String made = LostAnswerRecovery.create("snapshot s", () -> {
            if (posts.incrementAndGet() == 1) {
                throw new ServerErrorException(503, "POST", "/snapshots", "busy", 0);
            }
            return "second-post";
        }, since -> Optional.empty(), operation);
        assertEquals("second-post", made);
        assertEquals(2, posts.get());
    }

    @Test
    void aRefusalIsNotRetriedAndNamesTheCall() {
        BadRequestException refused = new BadRequestException(422, "POST", "/snapshots", "name is taken", Map.of());
        BadRequestException thrown = assertThrows(BadRequestException.class, () -> LostAnswerRecovery.create("snapshot s",
                () -> {
                    posts.incrementAndGet();
                    throw refused;
                }, since -> Optional.of("never looked"), operation));
        assertEquals(refused, thrown);
        assertEquals(1, posts.get());
        assertTrue(thrown.getMessage().startsWith("POST /snapshots failed"), thrown.getMessage());
    }

    @Test
    void aCancelledCreatePostsNothing() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        Operation cancelled = Operation.within(Duration.ofMinutes(1), cancellation, ProgressListener.NONE);
        assertThrows(RuntimeException.class, () -> LostAnswerRecovery.create("snapshot s", () -> {
            posts.incrementAndGet();
            return "x";
        }, since -> Optional.empty(), cancelled));
        assertEquals(0, posts.get());
    }

    /** A listed snapshot: name, when it was made (null: the cloud did not say), id. */
    private record Listed(String name, Instant madeAt, long id) {
    }

    @Test
    void whatALostCreateMadeIsTheNewestOfItsNameMadeSinceThePost() {
        Instant since = Instant.parse("2026-12-07T10:00:00Z");
        List<Listed> listing = List.of(
                new Listed("n", since.minusSeconds(1), 1), new Listed("n", since, 2), new Listed("n", since.plusSeconds(5), 4),
                new Listed("other", since.plusSeconds(9), 9), new Listed("n", null, 8), new Listed("n", since.plusSeconds(1), 3));
        assertEquals(Optional.of(listing.get(2)),
                LostAnswerRecovery.newestNamed(listing, "n", Listed::name, Listed::madeAt, Listed::id, since));
        assertEquals(Optional.empty(), LostAnswerRecovery.newestNamed(listing.subList(0, 1), "n", Listed::name, Listed::madeAt, Listed::id, since),
                "one made before the post is not its");
        assertEquals(Optional.empty(), LostAnswerRecovery.newestNamed(listing.subList(4, 5), "n", Listed::name, Listed::madeAt, Listed::id, since),
                "one whose time the cloud does not give is not taken");
    }
}

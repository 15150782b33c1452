package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.BadRequestException;
import com.vpssnap.provider.cloud.ServerErrorException;
import com.vpssnap.provider.cloud.TransportException;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
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
}

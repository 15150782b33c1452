package com.vpssnap.provider.cloud.wait;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one poller: backoff growth and cap, the deadline's message, and prompt cancellation. */
class PollerTest {
    private final Poller fast = new Poller(Duration.ofMillis(10), 2.0, Duration.ofMillis(40));

    @Test
    void intervalsGrowByTheMultiplierUpToTheCap() {
        assertEquals(Duration.ofMillis(20), fast.next(Duration.ofMillis(10)));
        assertEquals(Duration.ofMillis(40), fast.next(Duration.ofMillis(20)));
        assertEquals(Duration.ofMillis(40), fast.next(Duration.ofMillis(40)));
        assertEquals(Duration.ofMillis(300), Poller.DEFAULT.next(Duration.ofMillis(200)));
        assertEquals(Duration.ofSeconds(5), Poller.DEFAULT.next(Duration.ofSeconds(4)));
    }

    @Test
    void looksOnlyAfterTheFirstIntervalAndReportsProgressUntilDone() {
        AtomicInteger looks = new AtomicInteger();
        List<String> progress = new ArrayList<>();
        long started = System.nanoTime();
        String result = fast.await("thing", "ready", () -> looks.incrementAndGet() < 3 ? Poll.pending("busy") : Poll.done("ok"),
                Instant.now().plusSeconds(10), new Cancellation(), (subject, status, elapsed) -> progress.add(subject + ":" + status));
        assertEquals("ok", result);
        assertEquals(3, looks.get());
        assertEquals(List.of("thing:busy", "thing:busy"), progress);
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(10 + 20 + 40).toNanos(), "slept before every look");
    }

    @Test
    void theDeadlineNamesWhatWasAwaitedAndTheLastStatus() {
        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> fast.await("snapshot 801", "completed",
                () -> Poll.pending("in_progress"), Instant.now().plusMillis(100), new Cancellation(), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("snapshot 801") && e.getMessage().contains("completed")
                && e.getMessage().contains("in_progress"), e.getMessage());
    }

    @Test
    void cancellingFromAnotherThreadStopsALongWait() throws Exception {
        Cancellation cancellation = new Cancellation();
        Poller slow = new Poller(Duration.ofSeconds(30), 1, Duration.ofSeconds(30));
        CompletableFuture<Throwable> wait = CompletableFuture.supplyAsync(() -> {
            try {
                slow.await("x", "done", () -> Poll.pending("busy"), Instant.now().plusSeconds(60), cancellation,
                        ProgressListener.NONE);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        Thread.sleep(100);
        cancellation.cancel();
        assertTrue(wait.get(10, TimeUnit.SECONDS) instanceof CancelledException);
    }
}

package com.vpssnap.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parallel creates lose nothing, duplicate nothing, and the limit of 5 holds under races. */
class ConcurrencyTest {
    private static Emulator emulator;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorOptions.defaults().port(0));
        http = new Http(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void thirtyTwoParallelCreatesOnOneVpsorgServerGiveExactlyFive() throws Exception {
        http.control("POST", "/reset", null);
        List<Http.Answer> answers = parallel(32, i -> http.vpsorg("POST", "/snapshots/", Http.vpsSnapshot(12345, "race-" + i)));
        long created = answers.stream().filter(a -> a.status() == 201).count();
        long refused = answers.stream().filter(a -> a.status() == 400
                && a.json().path("detail").asText().contains("Snapshot limit reached")).count();
        assertEquals(5, created);
        assertEquals(27, refused);
        assertEquals(5, http.vpsorg("GET", "/snapshots/?server_id=12345", null).json().path("count").asInt());
    }

    @Test
    void fiftyParallelLocawebCreatesGetFiftyDistinctIds() throws Exception {
        http.control("POST", "/reset", null);
        List<Http.Answer> answers = parallel(50, i -> http.locaweb("POST", "/cloud/servers/cpro0301/snapshots",
                Http.lwSnapshot("p" + i, null)));
        Set<Long> ids = new HashSet<>();
        answers.forEach(a -> {
            assertEquals(201, a.status());
            ids.add(a.json().path("data").path("id").asLong());
        });
        assertEquals(50, ids.size());
        assertEquals(50, http.locaweb("GET", "/cloud/servers/cpro0301/snapshots", null).json().path("meta").path("total").asInt());
    }

    private static List<Http.Answer> parallel(int n, java.util.function.IntFunction<Http.Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Http.Answer>> futures = IntStream.range(0, n).mapToObj(i -> pool.submit(() -> call.apply(i))).toList();
            List<Http.Answer> out = new java.util.ArrayList<>();
            for (Future<Http.Answer> f : futures) {
                out.add(f.get());
            }
            assertTrue(out.stream().noneMatch(a -> a.status() == -1), "every request answered");
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

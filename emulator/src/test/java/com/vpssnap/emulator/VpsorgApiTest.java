package com.vpssnap.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static com.vpssnap.emulator.Http.eventually;
import static com.vpssnap.emulator.Http.vpsSnapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VPS.org API over real HTTP: shapes as in the published examples, state machines, rules. */
class VpsorgApiTest {
    private static Emulator emulator;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorOptions.defaults().port(0).createMs(150).restoreMs(300));
        http = new Http(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        http.control("POST", "/reset", null);
    }

    @Test
    void createAnswers201InProgressAndCompletesWithASize() throws Exception {
        Http.Answer created = http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "before-update-snapshot"));
        assertEquals(201, created.status());
        JsonNode s = created.json();
        assertEquals(801, s.path("id").asLong());
        assertEquals(12345, s.path("server").path("id").asLong());
        assertEquals("web-server-01", s.path("server").path("name").asText());
        assertEquals("in_progress", s.path("status").asText());
        assertTrue(s.path("size_mb").isNull());
        assertTrue(s.path("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), s.toString());
        assertTrue(s.path("message").asText().contains("being created"));
        eventually(() -> snapshot(801).path("status").asText().equals("completed"), "in_progress -> completed");
        assertTrue(snapshot(801).path("size_mb").isIntegralNumber());
    }

    @Test
    void restoreMakesTheServerRestoringThenActive() throws Exception {
        http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "base"));
        eventually(() -> snapshot(801).path("status").asText().equals("completed"), "completed");
        Http.Answer restore = http.vpsorg("POST", "/snapshots/801/restore/", null);
        assertEquals(200, restore.status());
        assertEquals("success", restore.json().path("status").asText());
        assertEquals("restoring", restore.json().path("server").path("status").asText());
        assertEquals(801, restore.json().path("snapshot").path("id").asLong());
        eventually(() -> http.vpsorg("GET", "/servers/12345/", null).json().path("status").asText().equals("active"),
                "restoring -> active");
    }

    @Test
    void aSecondRestoreWhileTheServerRestoresIsRefused() throws Exception {
        http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "base"));
        eventually(() -> snapshot(801).path("status").asText().equals("completed"), "completed");
        // Held in `restoring` by the emulator's own timing, not by racing its 300 ms.
        http.control("PUT", "/timing", "{\"restoreMs\": 600000}");
        assertEquals(200, http.vpsorg("POST", "/snapshots/801/restore/", null).status());
        Http.Answer again = http.vpsorg("POST", "/snapshots/801/restore/", null);
        assertEquals(400, again.status());
        assertTrue(again.json().path("detail").asText().contains("restoring"), again.json().toString());
    }

    @Test
    void restoreOfASnapshotInProgressIsRefused() {
        // Held in `in_progress` by the emulator's own timing, not by racing its 150 ms.
        http.control("PUT", "/timing", "{\"createMs\": 600000}");
        http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "young"));
        Http.Answer refused = http.vpsorg("POST", "/snapshots/801/restore/", null);
        assertEquals(400, refused.status());
        assertTrue(refused.json().path("detail").asText().contains("in_progress"), refused.json().toString());
    }

    @Test
    void theSixthSnapshotOfAServerIsRefused() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(201, http.vpsorg("POST", "/snapshots/", vpsSnapshot(12346, "s" + i)).status());
        }
        Http.Answer sixth = http.vpsorg("POST", "/snapshots/", vpsSnapshot(12346, "s6"));
        assertEquals(400, sixth.status());
        assertTrue(sixth.json().path("detail").asText().contains("maximum 5"), sixth.json().toString());
        assertEquals(201, http.vpsorg("POST", "/snapshots/", vpsSnapshot(12347, "other-server")).status());
    }

    @Test
    void fieldErrorsInDjangoStyle() {
        Http.Answer bad = http.vpsorg("POST", "/snapshots/", "{\"server_id\":\"x\",\"name\":\"a b\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().path("server_id").get(0).asText().contains("valid integer"), bad.json().toString());
        assertTrue(bad.json().path("name").get(0).asText().contains("'a b'"), bad.json().toString());
        Http.Answer missing = http.vpsorg("POST", "/snapshots/", "{}");
        assertEquals("This field is required.", missing.json().path("name").get(0).asText());
        assertEquals(404, http.vpsorg("POST", "/snapshots/", vpsSnapshot(99999, "x")).status());
    }

    @Test
    void deleteAnswers204AndUnknownIds404() {
        http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "gone-soon"));
        assertEquals(204, http.vpsorg("DELETE", "/snapshots/801/", null).status());
        assertEquals(404, http.vpsorg("DELETE", "/snapshots/801/", null).status());
        assertEquals(404, http.vpsorg("POST", "/snapshots/801/restore/", null).status());
        assertEquals(0, http.vpsorg("GET", "/snapshots/", null).json().path("count").asInt());
    }

    @Test
    void tokensAre401InDrfStyle() {
        Http.Answer none = http.send("GET", "/api/v1/snapshots/", null, null, null);
        assertEquals(401, none.status());
        assertEquals("Authentication credentials were not provided.", none.json().path("detail").asText());
        Http.Answer wrong = http.send("GET", "/api/v1/snapshots/", null, "Authorization", "Bearer wrong");
        assertEquals("Invalid token.", wrong.json().path("detail").asText());
    }

    @Test
    void listFiltersByServerAndPaginatesWithNext() {
        for (long server : new long[]{12345, 12346, 12347}) {
            for (int i = 0; i < 5; i++) {
                http.vpsorg("POST", "/snapshots/", vpsSnapshot(server, "n" + server + "-" + i));
            }
        }
        assertEquals(5, http.vpsorg("GET", "/snapshots/?server_id=12346", null).json().path("count").asInt());
        Http.Answer first = http.vpsorg("GET", "/snapshots/", null);
        assertEquals(15, first.json().path("count").asInt());
        assertEquals(15, first.json().path("results").size(), "default page size 20");
        Set<Long> ids = new HashSet<>();
        String next = "/api/v1/snapshots/?page_size=4";
        int pages = 0;
        while (next != null) {
            Http.Answer page = http.send("GET", next, null, "Authorization", "Bearer vps-demo-token");
            page.json().path("results").forEach(s -> ids.add(s.path("id").asLong()));
            JsonNode link = page.json().path("next");
            next = link.isNull() ? null : link.asText().substring(emulator.url().length());
            pages++;
        }
        assertEquals(4, pages);
        assertEquals(15, ids.size());
        assertEquals(0, http.vpsorg("GET", "/snapshots/?server_id=4242", null).json().path("count").asInt());
    }

    private JsonNode snapshot(long id) {
        for (JsonNode s : http.vpsorg("GET", "/snapshots/", null).json().path("results")) {
            if (s.path("id").asLong() == id) {
                return s;
            }
        }
        throw new AssertionError("no snapshot " + id);
    }
}

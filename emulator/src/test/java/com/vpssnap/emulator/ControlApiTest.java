package com.vpssnap.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.vpssnap.emulator.Http.lwSnapshot;
import static com.vpssnap.emulator.Http.vpsSnapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /_emulator: drift, forced failures, faults of every kind, the request log, reset and persistence. */
class ControlApiTest {
    private Emulator emulator;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.start(EmulatorOptions.defaults().port(0).createMs(50));
        http = new Http(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void driftDeleteAndEditBehindTheProvidersBack() {
        http.locaweb("POST", "/cloud/servers/cpro0299/snapshots", lwSnapshot("a", null));
        assertEquals(204, http.control("PATCH", "/locaweb/servers/cpro0299/snapshots/2695",
                "{\"description\":\"edited in the panel\"}").status());
        assertEquals("edited in the panel", http.locaweb("GET", "/cloud/servers/cpro0299/snapshots/2695", null)
                .json().path("data").path("attributes").path("description").asText());
        assertEquals(404, http.control("DELETE", "/locaweb/servers/cpro0300/snapshots/2695", null).status(),
                "a snapshot is addressed by its own server");
        assertEquals(404, http.control("PATCH", "/locaweb/servers/cpro0300/snapshots/2695", "{\"name\":\"x\"}").status());
        assertEquals(204, http.control("DELETE", "/locaweb/servers/cpro0299/snapshots/2695", null).status());
        assertEquals(404, http.locaweb("GET", "/cloud/servers/cpro0299/snapshots/2695", null).status());

        http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "b"));
        assertEquals(204, http.control("DELETE", "/vpsorg/snapshots/801", null).status());
        assertEquals(0, http.vpsorg("GET", "/snapshots/", null).json().path("count").asInt());
    }

    @Test
    void forcedStatusesOverrideTheClock() {
        http.locaweb("POST", "/cloud/servers/cpro0299/snapshots", lwSnapshot("a", null));
        http.control("PATCH", "/locaweb/servers/cpro0299/snapshots/2695", "{\"status\":\"error\"}");
        assertEquals("error", http.locaweb("GET", "/cloud/servers/cpro0299/snapshots/2695", null)
                .json().path("data").path("attributes").path("status").asText());
        http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "b"));
        http.control("PATCH", "/vpsorg/snapshots/801", "{\"status\":\"failed\"}");
        assertEquals("failed", http.vpsorg("GET", "/snapshots/", null).json().path("results").get(0).path("status").asText());
        Http.Answer bad = http.control("PATCH", "/vpsorg/snapshots/801", "{\"status\":\"melted\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().path("detail").asText().contains("melted"));
    }

    @Test
    void theTimingHasEachCloudsOwnDelaysAndRefusesOthersWithoutChangingAny() {
        Http.Answer set = http.control("PUT", "/timing", "{\"revertMs\": 5}");
        assertEquals(200, set.status());
        assertEquals(5, set.json().path("revertMs").asLong());
        java.util.List<String> names = new java.util.ArrayList<>();
        set.json().fieldNames().forEachRemaining(names::add);
        assertEquals(java.util.List.of("createMs", "deleteMs", "restoreMs", "revertMs"), names,
                "create and delete, then Locaweb's and VPS.org's own, as the state file writes them");
        Http.Answer bad = http.control("PUT", "/timing", "{\"createMs\": 7, \"rebootMs\": 5}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().path("detail").asText().contains(
                "no delay named rebootMs; the delays are [createMs, deleteMs, restoreMs, revertMs]"), bad.json().toString());
        assertTrue(http.control("GET", "/state", null).json().path("timing").path("createMs").asLong() != 7,
                "a refused body changes nothing");
    }

    @Test
    void aRestoreHeldByItsTimingEndsWhenTheServerIsSetActive() {
        http.control("PUT", "/timing", "{\"createMs\": 0, \"restoreMs\": 600000}");
        http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "b"));
        http.vpsorg("POST", "/snapshots/801/restore/", null);
        assertEquals("restoring", http.vpsorg("GET", "/servers/12345/", null).json().path("status").asText());
        assertEquals(204, http.control("PATCH", "/vpsorg/servers/12345", "{\"status\":\"active\"}").status());
        assertEquals("active", http.vpsorg("GET", "/servers/12345/", null).json().path("status").asText());
        Http.Answer bad = http.control("PATCH", "/vpsorg/servers/12345", "{\"status\":\"restoring\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().path("detail").asText().contains("'restoring'"), bad.json().toString());
        assertEquals(404, http.control("PATCH", "/vpsorg/servers/99999", "{\"status\":\"active\"}").status());
    }

    @Test
    void statusFaultsAnswerInTheApisStyleWithRetryAfterAndStopAfterCount() {
        http.control("POST", "/faults", "{\"method\":\"GET\",\"path\":\"/api/v1/snapshots/\",\"action\":\"status\","
                + "\"status\":429,\"retryAfterSeconds\":2,\"count\":2}");
        Http.Answer first = http.vpsorg("GET", "/snapshots/", null);
        assertEquals(429, first.status());
        assertEquals("2", first.retryAfter());
        assertTrue(first.json().has("detail"));
        assertEquals(429, http.vpsorg("GET", "/snapshots/", null).status());
        assertEquals(200, http.vpsorg("GET", "/snapshots/", null).status(), "count 2 is spent");
        assertEquals(2, http.control("GET", "/faults", null).json().get(0).path("hits").asInt());

        http.control("POST", "/faults", "{\"path\":\"/v1/cloud/servers/*/snapshots\",\"status\":503,\"probability\":1}");
        Http.Answer locaweb = http.locaweb("GET", "/cloud/servers/cpro0299/snapshots", null);
        assertEquals(503, locaweb.status());
        assertTrue(locaweb.json().path("errors").isArray(), "JSON:API style");
        http.control("DELETE", "/faults", null);
        http.control("POST", "/faults", "{\"path\":\"/v1/**\",\"status\":503,\"probability\":0}");
        assertEquals(200, http.locaweb("GET", "/cloud/servers/cpro0299/snapshots", null).status(), "probability 0 never fires");
    }

    @Test
    void dropPerformsNothingButLostResponsePerformsTheCreate() {
        http.control("POST", "/faults", "{\"method\":\"POST\",\"path\":\"/api/v1/snapshots/\",\"action\":\"drop\",\"count\":1}");
        assertEquals(-1, http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "dropped")).status(), "no HTTP answer");
        assertEquals(0, http.vpsorg("GET", "/snapshots/", null).json().path("count").asInt(), "nothing performed");

        http.control("POST", "/faults", "{\"method\":\"POST\",\"path\":\"/api/v1/snapshots/\",\"action\":\"lost-response\",\"count\":1}");
        assertEquals(-1, http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "lost")).status(), "no HTTP answer");
        JsonNode results = http.vpsorg("GET", "/snapshots/", null).json().path("results");
        assertEquals(1, results.size(), "the create happened");
        assertEquals("lost", results.get(0).path("name").asText());
    }

    @Test
    void latencyFaultDelaysButServes() {
        http.control("POST", "/faults", "{\"path\":\"/api/v1/servers/\",\"action\":\"latency\",\"latencyMs\":200,\"jitterMs\":50}");
        long started = System.nanoTime();
        assertEquals(200, http.vpsorg("GET", "/servers/", null).status());
        assertTrue(System.nanoTime() - started >= 200_000_000L, "the latency was applied");
    }

    @Test
    void requestLogRecordsCallsWithoutHeaders() {
        http.vpsorg("GET", "/servers/", null);
        http.locaweb("POST", "/cloud/servers/cpro0299/snapshots", lwSnapshot("logged", null));
        JsonNode log = http.control("GET", "/requests", null).json();
        assertEquals(2, log.size());
        assertEquals("POST", log.get(1).path("method").asText());
        assertEquals(201, log.get(1).path("status").asInt());
        assertFalse(log.toString().contains("demo-token"), "no token in the log: " + log);
        http.control("DELETE", "/requests", null);
        assertEquals(0, http.control("GET", "/requests", null).json().size());
    }

    @Test
    void resetRestoresTheSeedAndAddedServersWork() {
        assertEquals(201, http.control("POST", "/servers", "{\"cloud\":\"vpsorg\",\"id\":20000,\"name\":\"bench-01\"}").status());
        assertEquals(201, http.control("POST", "/servers", "{\"cloud\":\"locaweb\",\"name\":\"cpro0400\"}").status());
        assertEquals(201, http.vpsorg("POST", "/snapshots/", vpsSnapshot(20000, "x")).status());
        assertEquals(201, http.locaweb("POST", "/cloud/servers/cpro0400/snapshots", lwSnapshot("y", null)).status());
        http.control("POST", "/reset", null);
        assertEquals(404, http.vpsorg("GET", "/servers/20000/", null).status());
        assertEquals(3, http.control("GET", "/state", null).json().path("locaweb").path("servers").size());
        assertEquals(201, http.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "after-reset")).status());
        assertEquals(801, http.vpsorg("GET", "/snapshots/", null).json().path("results").get(0).path("id").asLong(),
                "ids start again");
    }

    @Test
    void stateSurvivesARestartWithAStateFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        try (Emulator first = Emulator.start(EmulatorOptions.defaults().port(0).stateFile(file))) {
            new Http(first).vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "persisted"));
        }
        try (Emulator second = Emulator.start(EmulatorOptions.defaults().port(0).stateFile(file))) {
            Http again = new Http(second);
            assertEquals("persisted", again.vpsorg("GET", "/snapshots/", null).json().path("results").get(0).path("name").asText());
            assertEquals(802, again.vpsorg("POST", "/snapshots/", vpsSnapshot(12345, "next")).json().path("id").asLong());
        }
    }

    @Test
    void aStateFileOfTheOldLayoutIsRefusedWithAMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"timing\":{\"createMs\":1,\"deleteMs\":1,\"revertMs\":1,\"restoreMs\":1},"
                + "\"locawebServers\":[\"cpro0299\"],\"nextLocawebSnapshot\":2695}");
        IOException refused = assertThrows(IOException.class, () -> Emulator.start(EmulatorOptions.defaults().port(0).stateFile(file)));
        assertTrue(refused.getMessage().contains("holds no state for locaweb") && refused.getMessage().contains("delete it"),
                refused.getMessage());
    }

    @Test
    void aSeedSectionIsReadByItsCloudAndABadOneNamesTheRule(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "{\"vpsorg\":[{\"id\":7,\"name\":\"only\"}]}");
        try (Emulator only = Emulator.start(EmulatorOptions.defaults().port(0).seedFile(seed))) {
            JsonNode state = new Http(only).control("GET", "/state", null).json();
            assertEquals(0, state.path("locaweb").path("servers").size(), "a cloud left out starts with no servers");
            assertEquals("only", state.path("vpsorg").path("servers").get(0).path("name").asText());
        }
        Files.writeString(seed, "{\"vpsorg\":[{\"id\":0,\"name\":\"x\"}]}");
        IOException bad = assertThrows(IOException.class, () -> Emulator.start(EmulatorOptions.defaults().port(0).seedFile(seed)));
        assertEquals(seed + ": every VPS.org server needs an id > 0 and a name", bad.getMessage());
    }
}

package com.vpssnap.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static com.vpssnap.emulator.Http.eventually;
import static com.vpssnap.emulator.Http.lwSnapshot;
import static com.vpssnap.emulator.Http.revert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Locaweb API over real HTTP: shapes as in the published examples, state machines, rules. */
class LocawebApiTest {
    private static Emulator emulator;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorOptions.defaults().port(0).createMs(150).deleteMs(200).revertMs(300));
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
    void createAnswersTheDocumentShapeAndBecomesDone() throws Exception {
        Http.Answer created = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots", lwSnapshot("snap3", "mysnapshot"));
        assertEquals(201, created.status());
        assertTrue(created.contentType().startsWith("application/vnd.api+json"), created.contentType());
        JsonNode data = created.json().path("data");
        assertEquals("snapshots", data.path("type").asText());
        assertTrue(data.path("id").isIntegralNumber(), "id is a JSON integer: " + data);
        assertEquals(2695, data.path("id").asLong());
        JsonNode a = data.path("attributes");
        assertEquals("snap3", a.path("name").asText());
        assertEquals("mysnapshot", a.path("description").asText());
        assertTrue(a.path("uuid").asText().matches("[0-9a-f-]{36}"), a.toString());
        assertTrue(a.path("taken_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-03:00"), a.toString());
        assertEquals("creating", a.path("status").asText());
        assertEquals("cpro0299", data.path("relationships").path("server").path("data").path("id").asText());
        assertTrue(data.path("relationships").path("scheduled_snapshot").path("links").path("related").asText()
                .endsWith("/v1/cloud/servers/cpro0299/scheduled_snapshots"));
        assertEquals("revert", created.json().path("meta").path("actions").get(0).asText());
        assertTrue(created.json().path("links").path("self").asText().endsWith("/v1/cloud/servers/cpro0299/snapshots/2695"));

        eventually(() -> status(2695).equals("done"), "creating -> done");
    }

    @Test
    void descriptionIsNullWhenNotGiven() {
        Http.Answer created = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots", lwSnapshot("plain", null));
        assertTrue(created.json().path("data").path("attributes").path("description").isNull());
    }

    @Test
    void deleteAnswers202PassesThroughWaitingDeletionAndRemovingThenIsGone() throws Exception {
        long id = createDone("to-delete");
        Http.Answer deleted = http.locaweb("DELETE", "/cloud/servers/cpro0299/snapshots/" + id, null);
        assertEquals(202, deleted.status());
        Set<String> seen = new HashSet<>();
        eventually(() -> {
            Http.Answer a = http.locaweb("GET", "/cloud/servers/cpro0299/snapshots/" + id, null);
            if (a.status() == 200) {
                seen.add(a.json().path("data").path("attributes").path("status").asText());
            }
            return a.status() == 404;
        }, "deleted snapshot answers 404");
        // What a look saw before the 404 (nothing, if the machine was slower than the delete's 200 ms).
        assertTrue(seen.stream().allMatch(s -> s.equals("waiting_deletion") || s.equals("removing")), seen.toString());
    }

    @Test
    void aSnapshotBeingDeletedShowsWaitingDeletionOrRemoving() throws Exception {
        long id = createDone("held");
        // Held there by the emulator's own timing, not by racing its 200 ms.
        http.control("PUT", "/timing", "{\"deleteMs\": 600000}");
        assertEquals(202, http.locaweb("DELETE", "/cloud/servers/cpro0299/snapshots/" + id, null).status());
        assertTrue(Set.of("waiting_deletion", "removing").contains(status(id)), status(id));
    }

    @Test
    void revertActionGoesNewRunningDoneWhileTheSnapshotReverts() throws Exception {
        long id = createDone("base");
        Http.Answer action = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots/" + id + "/actions", revert(id));
        assertEquals(201, action.status());
        JsonNode data = action.json().path("data");
        assertEquals("actions", data.path("type").asText());
        assertEquals("new", data.path("attributes").path("status").asText());
        assertEquals(Long.toString(id), data.path("attributes").path("resource_id").asText());
        assertTrue(data.path("attributes").path("resource_id").isTextual(), "resource_id is a string");
        long actionId = data.path("id").asLong();
        Set<String> seen = new HashSet<>();
        eventually(() -> {
            String s = http.locaweb("GET", "/cloud/servers/cpro0299/snapshots/" + id + "/actions/" + actionId, null)
                    .json().path("data").path("attributes").path("status").asText();
            seen.add(s);
            return s.equals("done");
        }, "action done");
        assertTrue(Set.of("new", "running", "done").containsAll(seen), seen.toString());
        assertEquals("done", status(id));
        Http.Answer list = http.locaweb("GET", "/cloud/servers/cpro0299/snapshots/" + id + "/actions", null);
        assertEquals(1, list.json().path("meta").path("total").asInt());
    }

    @Test
    void aSnapshotRevertsWhileItsActionIsUnderWay() throws Exception {
        long id = createDone("base");
        // Held by the emulator's own timing, not by racing its 300 ms (the action is `new` for a third
        // of it, then `running`: which of the two a look sees depends on the machine's speed).
        http.control("PUT", "/timing", "{\"revertMs\": 600000}");
        long actionId = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots/" + id + "/actions", revert(id))
                .json().path("data").path("id").asLong();
        assertEquals("reverting", status(id));
        assertEquals("new", http.locaweb("GET", "/cloud/servers/cpro0299/snapshots/" + id + "/actions/" + actionId, null)
                .json().path("data").path("attributes").path("status").asText());
    }

    @Test
    void revertIsRefusedUnlessDoneAndOnlyRevertIsAnAction() {
        // Held in `creating` by the emulator's own timing, not by racing its 150 ms.
        http.control("PUT", "/timing", "{\"createMs\": 600000}");
        long id = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots", lwSnapshot("busy", null))
                .json().path("data").path("id").asLong();
        Http.Answer refused = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots/" + id + "/actions", revert(id));
        assertEquals(409, refused.status());
        assertTrue(refused.json().path("errors").get(0).path("detail").asText().contains("creating"), refused.json().toString());
        Http.Answer wrong = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots/" + id + "/actions",
                revert(id).replace("\"revert\"", "\"explode\""));
        assertEquals(422, wrong.status());
        assertEquals("/data/attributes/action", wrong.json().path("errors").get(0).path("source").path("pointer").asText());
    }

    @Test
    void nameRulesAnswer422WithAPointer() {
        Http.Answer missing = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots",
                "{\"data\":{\"type\":\"snapshots\",\"attributes\":{\"description\":\"x\"}}}");
        assertEquals(422, missing.status());
        assertEquals("/data/attributes/name", missing.json().path("errors").get(0).path("source").path("pointer").asText());
        Http.Answer tooLong = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots", lwSnapshot("x".repeat(256), null));
        assertEquals(422, tooLong.status());
        Http.Answer notJson = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots", "not json");
        assertEquals(400, notJson.status());
    }

    @Test
    void unknownServerSnapshotAndWrongTokenAnswer404And401() {
        assertEquals(404, http.locaweb("GET", "/cloud/servers/nope/snapshots", null).status());
        assertEquals(404, http.locaweb("GET", "/cloud/servers/cpro0299/snapshots/999999", null).status());
        assertEquals(401, http.send("GET", "/v1/cloud/servers/cpro0299/snapshots", null, null, null).status());
        Http.Answer wrong = http.send("GET", "/v1/cloud/servers/cpro0299/snapshots", null, "X-Auth-Token", "wrong");
        assertEquals(401, wrong.status());
        assertTrue(wrong.json().path("errors").isArray());
    }

    @Test
    void paginationFollowsLinksAcrossPages() {
        for (int i = 0; i < 25; i++) {
            http.locaweb("POST", "/cloud/servers/cpro0300/snapshots", lwSnapshot("p" + i, null));
        }
        Http.Answer first = http.locaweb("GET", "/cloud/servers/cpro0300/snapshots", null);
        assertEquals(10, first.json().path("data").size(), "default page size 10");
        assertEquals(25, first.json().path("meta").path("total").asInt());
        assertTrue(first.json().path("links").path("prev").isNull());
        Set<Long> ids = new HashSet<>();
        String next = emulator.url() + "/v1/cloud/servers/cpro0300/snapshots?page%5Bnumber%5D=1&page%5Bsize%5D=7";
        int pages = 0;
        while (next != null) {
            Http.Answer page = http.send("GET", next.substring(emulator.url().length()), null, "X-Auth-Token", "lw-demo-token");
            page.json().path("data").forEach(s -> ids.add(s.path("id").asLong()));
            JsonNode link = page.json().path("links").path("next");
            next = link.isNull() ? null : link.asText();
            pages++;
        }
        assertEquals(4, pages);
        assertEquals(25, ids.size());
        assertEquals(400, http.locaweb("GET", "/cloud/servers/cpro0300/snapshots?page%5Bsize%5D=101", null).status());
    }

    private long createDone(String name) throws Exception {
        long id = http.locaweb("POST", "/cloud/servers/cpro0299/snapshots", lwSnapshot(name, null))
                .json().path("data").path("id").asLong();
        eventually(() -> status(id).equals("done"), name + " done");
        return id;
    }

    private String status(long id) {
        return http.locaweb("GET", "/cloud/servers/cpro0299/snapshots/" + id, null)
                .json().path("data").path("attributes").path("status").asText();
    }
}

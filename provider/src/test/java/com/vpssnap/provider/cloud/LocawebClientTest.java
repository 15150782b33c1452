package com.vpssnap.provider.cloud;

import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.provider.cloud.locaweb.LocawebAction;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.Poll;
import com.vpssnap.provider.cloud.wait.Poller;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Locaweb client against the real emulator over HTTP. */
class LocawebClientTest {
    private static EmulatorFixture emulator;
    private LocawebClient client;

    @BeforeAll
    static void start() {
        emulator = EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(100).deleteMs(100).revertMs(150));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
        client = ClientFixture.locaweb(emulator, EmulatorFixture.LOCAWEB_TOKEN, new Cancellation());
    }

    @Test
    void createWaitListGetRevertDelete() {
        LocawebSnapshot created = client.createSnapshot("cpro0299", "snap3", "mysnapshot");
        assertEquals("creating", created.status());
        assertEquals("mysnapshot", created.description());
        LocawebSnapshot done = await(() -> client.getSnapshot("cpro0299", created.id()), LocawebSnapshot.DONE);
        assertEquals(created.uuid(), done.uuid());
        assertEquals(List.of(created.id()), client.listSnapshots("cpro0299").stream().map(LocawebSnapshot::id).toList());

        LocawebAction action = client.createRevertAction("cpro0299", created.id());
        assertEquals("new", action.status());
        assertEquals(Long.toString(created.id()), action.resourceId());
        Poller.DEFAULT.await("action", "done", () -> {
            LocawebAction a = client.getAction("cpro0299", created.id(), action.id());
            return a.status().equals(LocawebAction.DONE) ? Poll.done(a) : Poll.pending(a.status());
        }, Instant.now().plusSeconds(10), new Cancellation(), ProgressListener.NONE);
        assertEquals(1, client.listActions("cpro0299", created.id()).size());

        client.deleteSnapshot("cpro0299", created.id());
        Poller.DEFAULT.await("gone", "404", () -> {
            try {
                return Poll.pending(client.getSnapshot("cpro0299", created.id()).status());
            } catch (NotFoundException e) {
                return Poll.done(true);
            }
        }, Instant.now().plusSeconds(10), new Cancellation(), ProgressListener.NONE);
    }

    @Test
    void descriptionAbsentIsNull() {
        assertNull(client.createSnapshot("cpro0299", "plain", null).description());
    }

    @Test
    void listFollowsLinksNextAcrossPages() {
        for (int i = 0; i < 105; i++) {
            client.createSnapshot("cpro0300", "p" + i, null);
        }
        emulator.clearRequests();
        List<LocawebSnapshot> all = client.listSnapshots("cpro0300");
        assertEquals(105, all.size());
        assertEquals(105, all.stream().map(LocawebSnapshot::id).distinct().count());
        assertEquals(2, emulator.countRequests("GET", "/v1/cloud/servers/cpro0300/snapshots"), "two pages of 100");
    }

    @Test
    void errorsBecomeTypedExceptionsWithTheApisMessage() {
        BadRequestException bad = assertThrows(BadRequestException.class,
                () -> client.createSnapshot("cpro0299", "x".repeat(300), null));
        assertEquals(422, bad.status());
        assertTrue(bad.fieldErrors().containsKey("name"), bad.fieldErrors().toString());
        assertTrue(bad.getMessage().startsWith("POST /v1/cloud/servers/cpro0299/snapshots failed: HTTP 422: name is 300"),
                bad.getMessage());

        NotFoundException missing = assertThrows(NotFoundException.class, () -> client.getSnapshot("cpro0299", 424242));
        assertTrue(missing.apiMessage().contains("424242"), missing.apiMessage());
        assertEquals("GET", missing.method());

        // Held in `creating` by the emulator's own timing, not by racing its 100 ms: a busy machine
        // can spend that between the create and the revert.
        emulator.timing("{\"createMs\": 600000}");
        try {
            LocawebSnapshot young = client.createSnapshot("cpro0299", "young", null);
            ConflictException conflict = assertThrows(ConflictException.class,
                    () -> client.createRevertAction("cpro0299", young.id()));
            assertTrue(conflict.apiMessage().contains("creating"), conflict.apiMessage());
        } finally {
            emulator.timing("{\"createMs\": 100}");
        }

        LocawebClient wrongToken = ClientFixture.locaweb(emulator, "tok-WRONG-456", new Cancellation());
        UnauthorizedException unauthorized = assertThrows(UnauthorizedException.class, () -> wrongToken.listSnapshots("cpro0299"));
        assertEquals(401, unauthorized.status());
    }

    private static LocawebSnapshot await(java.util.function.Supplier<LocawebSnapshot> get, String status) {
        return Poller.DEFAULT.await("snapshot", status, () -> {
            LocawebSnapshot s = get.get();
            return s.status().equals(status) ? Poll.done(s) : Poll.pending(s.status());
        }, Instant.now().plus(Duration.ofSeconds(10)), new Cancellation(), ProgressListener.NONE);
    }
}

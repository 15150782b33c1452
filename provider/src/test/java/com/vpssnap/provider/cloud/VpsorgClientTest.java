package com.vpssnap.provider.cloud;

import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgServer;
import com.vpssnap.provider.cloud.vpsorg.VpsorgSnapshot;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.Poll;
import com.vpssnap.provider.cloud.wait.Poller;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VPS.org client against the real emulator over HTTP. */
class VpsorgClientTest {
    private static EmulatorFixture emulator;
    private VpsorgClient client;

    @BeforeAll
    static void start() {
        emulator = EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(100).restoreMs(150));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
        client = ClientFixture.vpsorg(emulator, EmulatorFixture.VPSORG_TOKEN, new Cancellation());
    }

    @Test
    void createWaitFindRestoreDelete() {
        VpsorgSnapshot created = client.createSnapshot(12345, "before-update", "Snapshot before system update");
        assertEquals(VpsorgSnapshot.IN_PROGRESS, created.status());
        assertEquals("web-server-01", created.serverName());
        VpsorgSnapshot done = Poller.DEFAULT.await("snapshot", "completed", () -> {
            VpsorgSnapshot s = client.findSnapshot(created.id(), 12345L).orElseThrow();
            return s.status().equals(VpsorgSnapshot.COMPLETED) ? Poll.done(s) : Poll.pending(s.status());
        }, Instant.now().plusSeconds(10), new Cancellation(), ProgressListener.NONE);
        assertTrue(done.sizeMb() != null && done.sizeMb() > 0);
        assertEquals(done, client.findSnapshot(created.id(), null).orElseThrow(), "found without the server too");

        VpsorgServer restoring = client.restore(created.id());
        assertEquals(VpsorgServer.RESTORING, restoring.status());
        Poller.DEFAULT.await("server", "active", () -> {
            VpsorgServer s = client.getServer(12345);
            return s.status().equals(VpsorgServer.RESTORING) ? Poll.pending(s.status()) : Poll.done(s);
        }, Instant.now().plusSeconds(10), new Cancellation(), ProgressListener.NONE);

        client.deleteSnapshot(created.id());
        assertTrue(client.findSnapshot(created.id(), 12345L).isEmpty());
        assertThrows(NotFoundException.class, () -> client.deleteSnapshot(created.id()));
    }

    @Test
    void listWithAndWithoutServerFollowsNext() {
        for (int server = 0; server < 21; server++) {
            emulator.addServer("{\"cloud\":\"vpsorg\",\"id\":" + (30000 + server) + ",\"name\":\"s" + server + "\"}");
            for (int i = 0; i < 5; i++) {
                client.createSnapshot(30000 + server, "n" + i, null);
            }
        }
        emulator.clearRequests();
        List<VpsorgSnapshot> all = client.listSnapshots(null);
        assertEquals(105, all.size());
        assertEquals(2, emulator.countRequests("GET", "/api/v1/snapshots/"), "two pages of 100");
        assertEquals(5, client.listSnapshots(30007L).size());
        assertTrue(client.listSnapshots(30007L).stream().allMatch(s -> s.serverId() == 30007));
    }

    @Test
    void fieldErrorsDetailsAndTheLimitAreTyped() {
        BadRequestException name = assertThrows(BadRequestException.class, () -> client.createSnapshot(12345, "a b", null));
        assertTrue(name.fieldErrors().get("name").get(0).contains("'a b'"), name.fieldErrors().toString());
        assertTrue(name.getMessage().contains("name: Only letters"), name.getMessage());

        for (int i = 0; i < 5; i++) {
            client.createSnapshot(12346, "full-" + i, null);
        }
        BadRequestException limit = assertThrows(BadRequestException.class, () -> client.createSnapshot(12346, "sixth", null));
        assertTrue(limit.apiMessage().contains("Snapshot limit reached"), limit.apiMessage());

        NotFoundException server = assertThrows(NotFoundException.class, () -> client.createSnapshot(4242, "x", null));
        assertEquals("Server not found.", server.apiMessage());

        // Held in `in_progress` by the emulator's own timing, not by racing its 100 ms: a busy machine
        // can spend that between the create and the restore.
        emulator.timing("{\"createMs\": 600000}");
        try {
            VpsorgSnapshot young = client.createSnapshot(12347, "young", null);
            BadRequestException restore = assertThrows(BadRequestException.class, () -> client.restore(young.id()));
            assertTrue(restore.apiMessage().contains("in_progress"), restore.apiMessage());
        } finally {
            emulator.timing("{\"createMs\": 100}");
        }
    }
}

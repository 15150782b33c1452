package com.vpssnap.provider.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each cloud's lifecycle through the core when an answer is lost or spoiled, and at VPS.org's limit. */
class LostAndSpoiledAnswersTest extends LifecycleTestBase {
    @ParameterizedTest
    @EnumSource(Cloud.class)
    void aLostCreateAnswerAdoptsTheSnapshotInsteadOfMakingASecond(Cloud cloud) {
        emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.createPath + "\",\"action\":\"lost-response\",\"count\":1}");
        Created created = resource(cloud).create(cloud.inputs("lost-answer", null), operation());
        assertEquals(1, cloud.held(), "exactly one snapshot");
        assertTrue(created.id().endsWith(String.valueOf(created.state().integer("snapshotId"))), created.toString());
    }

    @ParameterizedTest
    @EnumSource(Cloud.class)
    void aSpoiledCreateAnswerIsTreatedAsLostAndTheSnapshotAdopted(Cloud cloud) {
        List<String> spoils = List.of("\"action\":\"truncate\"",
                "\"action\":\"body\",\"status\":200,\"contentType\":\"text/html\",\"body\":\"<html>portal</html>\"",
                "\"action\":\"body\",\"status\":502,\"contentType\":\"text/html\",\"body\":\"<html>Bad Gateway</html>\"",
                "\"action\":\"body\",\"status\":201,\"body\":\"\"",
                "\"action\":\"body\",\"status\":201,\"body\":\"{}\"");
        for (String spoil : spoils) {
            emulator.reset();
            emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.createPath + "\",\"count\":1," + spoil + "}");
            Created created = resource(cloud).create(cloud.inputs("spoiled", null), operation());
            assertEquals(1, cloud.held(), "exactly one snapshot after " + spoil);
            assertEquals(1, emulator.countRequests("POST", cloud.createPath), "posted once: " + spoil);
            assertTrue(created.id().endsWith(String.valueOf(created.state().integer("snapshotId"))), created.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Cloud.class)
    void aSpoiledRevertAnswerIsFollowedNotRevertedTwice(Cloud cloud) {
        SnapshotResource resource = resource(cloud);
        Created created = resource.create(cloud.inputs("revert-me", null), operation());
        // Long enough that a restore is still running when the lost answer is looked into.
        emulator.timing("{\"restoreMs\":300,\"revertMs\":300}");
        for (String spoil : List.of("\"action\":\"truncate\"", "\"action\":\"lost-response\"")) {
            emulator.clearRequests();
            emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.revertPath.replace("\\d+", "*")
                    + "\",\"count\":1," + spoil + "}");
            Props after = resource.update(created.id(), created.state(), cloud.inputs("revert-me", "r-" + spoil.length()), operation());
            assertEquals("r-" + spoil.length(), after.string("revertTrigger"));
            assertEquals(1, emulator.countRequests("POST", cloud.revertPath), "one revert, followed: " + spoil);
        }
    }

    @Test
    void aFullVpsorgServerIsReplacedDeleteFirstAndOnlyPulumiAsks() {
        SnapshotResource resource = resource(Cloud.VPSORG);
        Props last = null;
        for (int i = 1; i <= 5; i++) {
            last = resource.create(Cloud.VPSORG.inputs("s" + i, null), operation()).state();
        }
        emulator.clearRequests();
        assertTrue(resource.deleteBeforeReplace(last, Cloud.VPSORG.inputs("renamed", null)));
        assertFalse(resource.deleteBeforeReplace(last, Props.builder().put("serverId", 12346L).put("name", "x").build()),
                "a replacement on another server frees no place and needs no count");
        assertEquals(1, emulator.requests().size(), "one listing, for the same-server case only");
    }
}

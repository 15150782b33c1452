package com.vpssnap.provider.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.provider.testsupport.LifecycleCase;
import com.vpssnap.provider.testsupport.LifecycleCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each registered cloud's lifecycle through the core when an answer is lost or spoiled (the clouds that recover them), and at VPS.org's limit. */
class LostAndSpoiledAnswersTest extends LifecycleTestBase {
    static Stream<LifecycleCase> cloudsRecoveringCreates() {
        return LifecycleCases.with(c -> c.can(LifecycleCase.Capability.RECOVERS_LOST_CREATES)).stream();
    }

    static Stream<LifecycleCase> cloudsFollowingReverts() {
        return LifecycleCases.with(c -> c.revertHold().isPresent()).stream();
    }

    @ParameterizedTest
    @MethodSource("cloudsRecoveringCreates")
    void aLostCreateAnswerAdoptsTheSnapshotInsteadOfMakingASecond(LifecycleCase cloud) {
        emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.createPath() + "\",\"action\":\"lost-response\",\"count\":1}");
        Created created = resource(cloud).create(cloud.inputs("lost-answer", null), operation());
        assertEquals(1, cloud.held(emulator), "exactly one snapshot");
        assertTrue(created.id().endsWith(String.valueOf(created.state().integer("snapshotId"))), created.toString());
    }

    @ParameterizedTest
    @MethodSource("cloudsRecoveringCreates")
    void aSpoiledCreateAnswerIsTreatedAsLostAndTheSnapshotAdopted(LifecycleCase cloud) {
        List<String> spoils = List.of("\"action\":\"truncate\"",
                "\"action\":\"body\",\"status\":200,\"contentType\":\"text/html\",\"body\":\"<html>portal</html>\"",
                "\"action\":\"body\",\"status\":502,\"contentType\":\"text/html\",\"body\":\"<html>Bad Gateway</html>\"",
                "\"action\":\"body\",\"status\":201,\"body\":\"\"",
                "\"action\":\"body\",\"status\":201,\"body\":\"{}\"");
        for (String spoil : spoils) {
            emulator.reset();
            emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.createPath() + "\",\"count\":1," + spoil + "}");
            Created created = resource(cloud).create(cloud.inputs("spoiled", null), operation());
            assertEquals(1, cloud.held(emulator), "exactly one snapshot after " + spoil);
            assertEquals(1, emulator.countRequests("POST", cloud.createPath()), "posted once: " + spoil);
            assertTrue(created.id().endsWith(String.valueOf(created.state().integer("snapshotId"))), created.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("cloudsFollowingReverts")
    void aSpoiledRevertAnswerIsFollowedNotRevertedTwice(LifecycleCase cloud) throws Exception {
        SnapshotResource resource = resource(cloud);
        Created created = resource.create(cloud.inputs("revert-me", null), operation());
        // The revert runs until the follow-up has looked (not a race of its 300 ms against a busy machine).
        LifecycleCase.RevertHold hold = cloud.revertHold().orElseThrow();
        hold.hold().accept(emulator);
        for (String spoil : List.of("\"action\":\"truncate\"", "\"action\":\"lost-response\"")) {
            emulator.clearRequests();
            emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.revertPath().replace("\\d+", "*")
                    + "\",\"count\":1," + spoil + "}");
            CompletableFuture<Props> update = CompletableFuture.supplyAsync(() ->
                    resource.update(created.id(), created.state(), cloud.inputs("revert-me", "r-" + spoil.length()), operation()));
            awaitAGetAfterTheRevert(cloud, update);
            hold.release().accept(emulator);
            Props after = update.get(60, TimeUnit.SECONDS);
            assertEquals("r-" + spoil.length(), after.string("revertTrigger"));
            assertEquals(1, emulator.countRequests("POST", cloud.revertPath()), "one revert, followed: " + spoil);
        }
    }

    /** Waits until the provider has sent its revert and then looked at the cloud again. */
    private static void awaitAGetAfterTheRevert(LifecycleCase cloud, CompletableFuture<Props> update) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !update.isDone()) {
            boolean reverted = false;
            for (JsonNode request : emulator.requests()) {
                if (request.path("method").asText().equals("POST") && request.path("path").asText().matches(cloud.revertPath())) {
                    reverted = true;
                } else if (reverted && request.path("method").asText().equals("GET")) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aFullVpsorgServerIsReplacedDeleteFirstAndOnlyPulumiAsks() {
        LifecycleCase vpsorg = LifecycleCases.named("vpsorg");
        SnapshotResource resource = resource(vpsorg);
        Props last = null;
        for (int i = 1; i <= 5; i++) {
            last = resource.create(vpsorg.inputs("s" + i, null), operation()).state();
        }
        emulator.clearRequests();
        assertTrue(resource.deleteBeforeReplace(last, vpsorg.inputs("renamed", null)));
        assertFalse(resource.deleteBeforeReplace(last, Props.builder().put("serverId", 12346L).put("name", "x").build()),
                "a replacement on another server frees no place and needs no count");
        assertEquals(1, emulator.requests().size(), "one listing, for the same-server case only");
    }
}

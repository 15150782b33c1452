package com.vpssnap.provider.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RollbackPoints component through examples/java-component: three checkpoints with keep 2 on
 * both clouds, the retention deleting the oldest, a rollback in place, a refused rollback target, destroy.
 */
class RollbackPointsComponentIT extends EmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void threeCheckpointsRollbackAndRetention(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = ExampleWorkspace.stack("java-component", workspace, emulator);
        pulumi.ok("config", "set", "keep", "2");

        pulumi.ok("config", "set", "checkpoints", "before-nginx");
        pulumi.ok("up", "--yes", "--skip-preview");
        assertEquals(Set.of("before-nginx"), names(emulator.locawebSnapshots("cpro0299")));
        assertEquals(Set.of("before-nginx"), names(emulator.vpsorgSnapshots(12345)));

        pulumi.ok("config", "set", "checkpoints", "before-nginx,before-php");
        pulumi.ok("up", "--yes", "--skip-preview");
        assertEquals(Set.of("before-nginx", "before-php"), names(emulator.locawebSnapshots("cpro0299")));

        // The third checkpoint with keep 2: the oldest snapshot goes, on both clouds.
        pulumi.ok("config", "set", "checkpoints", "before-nginx,before-php,before-kernel");
        pulumi.ok("up", "--yes", "--skip-preview");
        assertEquals(Set.of("before-php", "before-kernel"), names(emulator.locawebSnapshots("cpro0299")));
        assertEquals(Set.of("before-php", "before-kernel"), names(emulator.vpsorgSnapshots(12345)));
        JsonNode outputs = JSON.readTree(pulumi.outputs());
        assertEquals("before-kernel", outputs.path("latest").asText());
        assertEquals(new TreeSet<>(List.of("before-php", "before-kernel")), fieldNames(outputs.path("webSnapshotIds")));
        long phpOnWeb = idOf(emulator.locawebSnapshots("cpro0299"), "before-php");
        assertEquals("cpro0299/" + phpOnWeb, outputs.path("webSnapshotIds").path("before-php").asText());

        // Roll back to before-php: one revert per server, on that snapshot, nothing replaced.
        emulator.clearRequests();
        pulumi.ok("config", "set", "rollbackTo", "before-php");
        pulumi.ok("up", "--yes", "--skip-preview");
        assertEquals(1, emulator.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots/" + phpOnWeb + "/actions"));
        long phpOnDb = idOf(emulator.vpsorgSnapshots(12345), "before-php");
        assertEquals(1, emulator.countRequests("POST", "/api/v1/snapshots/" + phpOnDb + "/restore/"));
        assertEquals(0, emulator.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots"), "no snapshot created");
        pulumi.ok("preview", "--expect-no-changes");

        // A rollback to a checkpoint no longer kept is refused, naming the input and the choices.
        pulumi.ok("config", "set", "rollbackTo", "before-nginx");
        ProcessResult refused = pulumi.run("up", "--yes", "--skip-preview");
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.combined().contains(
                "rollbackTo: \"before-nginx\" is not a retained checkpoint; allowed: one of [before-php, before-kernel]"),
                refused.combined());
        assertEquals(4, emulator.totalSnapshots(), "the refused update changed nothing");

        pulumi.ok("config", "rm", "rollbackTo");
        pulumi.ok("destroy", "--yes", "--skip-preview");
        assertEquals(0, emulator.totalSnapshots(), emulator.state().toString());
    }

    private static Set<String> names(List<JsonNode> snapshots) {
        return snapshots.stream().map(RollbackPointsComponentIT::nameOf).collect(Collectors.toSet());
    }

    private static long idOf(List<JsonNode> snapshots, String name) {
        return snapshots.stream().filter(s -> nameOf(s).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no snapshot named " + name + " in " + snapshots))
                .path("id").asLong();
    }

    /** VPS.org snapshots carry their name at the top level, Locaweb's (JSON:API) under attributes. */
    private static String nameOf(JsonNode snapshot) {
        return snapshot.has("attributes") ? snapshot.path("attributes").path("name").asText() : snapshot.path("name").asText();
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

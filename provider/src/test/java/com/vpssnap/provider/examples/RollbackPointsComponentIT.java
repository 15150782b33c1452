package com.vpssnap.provider.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same RollbackPoints stack (examples/rollback-points) in every language, each through the
 * plugin's Construct: a Locaweb and a VPS.org server, checkpoints with keep 2 (the oldest
 * snapshot deleted), a rollback in place, a refused rollback target that sends nothing, destroy.
 */
class RollbackPointsComponentIT extends EmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOCAWEB_CREATE = "/v1/cloud/servers/cpro0299/snapshots";
    private static final String VPSORG_CREATE = "/api/v1/snapshots/";

    @ParameterizedTest
    @EnumSource(StackLanguage.class)
    void checkpointsRetentionAndRollback(StackLanguage language, @TempDir Path workspace) throws Exception {
        PulumiCli pulumi = ExampleWorkspace.stack("rollback-points/" + language.directory(), workspace, emulator);
        pulumi.ok("config", "set", "keep", "2");

        pulumi.ok("config", "set", "checkpoints", "before-nginx,before-php");
        upAndCleanPreview(language, pulumi);
        assertEquals(Set.of("before-nginx", "before-php"), names(emulator.locawebSnapshots("cpro0299")));
        assertEquals(Set.of("before-nginx", "before-php"), names(emulator.vpsorgSnapshots(12345)));
        long phpOnWeb = idOf(emulator.locawebSnapshots("cpro0299"), "before-php");
        long phpOnDb = idOf(emulator.vpsorgSnapshots(12345), "before-php");

        // The third checkpoint with keep 2: the oldest snapshot goes, on both clouds; the kept one stays.
        pulumi.ok("config", "set", "checkpoints", "before-nginx,before-php,before-kernel");
        upAndCleanPreview(language, pulumi);
        assertEquals(Set.of("before-php", "before-kernel"), names(emulator.locawebSnapshots("cpro0299")));
        assertEquals(Set.of("before-php", "before-kernel"), names(emulator.vpsorgSnapshots(12345)));
        assertEquals(phpOnWeb, idOf(emulator.locawebSnapshots("cpro0299"), "before-php"));
        assertEquals(phpOnDb, idOf(emulator.vpsorgSnapshots(12345), "before-php"));
        JsonNode outputs = JSON.readTree(pulumi.outputs());
        assertEquals("before-kernel", outputs.path("latest").asText(), outputs.toString());
        assertEquals(new TreeSet<>(List.of("before-php", "before-kernel")), fieldNames(outputs.path("webSnapshotIds")));
        assertEquals("cpro0299/" + phpOnWeb, outputs.path("webSnapshotIds").path("before-php").asText());
        assertEquals(String.valueOf(phpOnDb), outputs.path("dbSnapshotIds").path("before-php").asText());

        // Roll back to before-php: one revert per server, on that snapshot, nothing created or replaced.
        emulator.clearRequests();
        pulumi.ok("config", "set", "rollbackTo", "before-php");
        upAndCleanPreview(language, pulumi);
        assertEquals(1, emulator.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots/" + phpOnWeb + "/actions"));
        assertEquals(1, emulator.countRequests("POST", "/api/v1/snapshots/" + phpOnDb + "/restore/"));
        assertEquals(2, writes(), "the revert and the restore, nothing else: " + emulator.requests());
        assertEquals(0, emulator.countRequests("POST", LOCAWEB_CREATE) + emulator.countRequests("POST", VPSORG_CREATE),
                "no snapshot created");

        // A rollback to a checkpoint no longer kept is refused before anything is sent.
        emulator.clearRequests();
        pulumi.ok("config", "set", "rollbackTo", "before-nginx");
        ProcessResult refused = language.run(pulumi, "up");
        assertNotEquals(0, refused.exitCode(), refused.toString());
        assertTrue(refused.combined().contains(
                "rollbackTo: \"before-nginx\" is not a retained checkpoint; allowed: one of [before-php, before-kernel]"),
                refused.combined());
        assertEquals(0, writes(), "the refused update sent nothing: " + emulator.requests());
        assertEquals(4, emulator.totalSnapshots());

        pulumi.ok("config", "rm", "rollbackTo");
        language.ok(pulumi, "destroy");
        assertEquals(0, emulator.totalSnapshots(), emulator.state().toString());
    }

    private static void upAndCleanPreview(StackLanguage language, PulumiCli pulumi) {
        language.ok(pulumi, "up");
        language.ok(pulumi, "preview");
    }

    /** Calls that change a cloud: every logged request but reads. */
    private static long writes() {
        long n = 0;
        for (JsonNode r : emulator.requests()) {
            if (!r.path("method").asText().equals("GET")) {
                n++;
            }
        }
        return n;
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

package com.vpssnap.provider.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.PulumiCli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The snapshot resources through the Python and Go SDKs (the "snapshots" program beside each
 * RollbackPoints example): create on both clouds, a revert by the trigger, a clean preview, destroy.
 * The Java, TypeScript and YAML paths are PulumiExamplesIT's.
 */
class SdkSnapshotResourcesIT extends EmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROGRAM = "snapshots";

    @ParameterizedTest
    @EnumSource(value = StackLanguage.class, names = {"PYTHON", "GO"})
    void createRevertDestroy(StackLanguage language, @TempDir Path workspace) throws Exception {
        PulumiCli pulumi = ExampleWorkspace.stack("rollback-points/" + language.directory(), workspace, emulator);
        // The project declares checkpoints as required; this program does not read it.
        pulumi.ok("config", "set", "checkpoints", "unused");

        language.ok(pulumi, "up", PROGRAM);
        assertEquals(1, emulator.locawebSnapshots("cpro0299").size(), emulator.state().toString());
        assertEquals(1, emulator.vpsorgSnapshots(12345).size(), emulator.state().toString());
        long webId = emulator.locawebSnapshots("cpro0299").get(0).path("id").asLong();
        long dbId = emulator.vpsorgSnapshots(12345).get(0).path("id").asLong();
        JsonNode outputs = JSON.readTree(pulumi.outputs());
        assertEquals("cpro0299/" + webId, outputs.path("webSnapshot").asText(), outputs.toString());
        assertEquals(String.valueOf(dbId), outputs.path("dbSnapshot").asText(), outputs.toString());

        emulator.clearRequests();
        pulumi.ok("config", "set", "rollbackTo", "rollback-1");
        language.ok(pulumi, "up", PROGRAM);
        assertEquals(1, emulator.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots/" + webId + "/actions"));
        assertEquals(1, emulator.countRequests("POST", "/api/v1/snapshots/" + dbId + "/restore/"));
        assertEquals(webId, emulator.locawebSnapshots("cpro0299").get(0).path("id").asLong(), "reverted in place, not replaced");
        assertEquals(dbId, emulator.vpsorgSnapshots(12345).get(0).path("id").asLong(), "restored in place, not replaced");
        language.ok(pulumi, "preview", PROGRAM);

        language.ok(pulumi, "destroy", PROGRAM);
        assertEquals(0, emulator.totalSnapshots(), emulator.state().toString());
    }
}

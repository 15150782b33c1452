package com.vpssnap.provider.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each Pulumi example in examples/ run as users run it, with the real pulumi and the installed
 * plugin against the emulator: create, roll back in place, a clean preview, destroy.
 */
class PulumiExamplesIT extends EmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOCAWEB_REVERT = "/v1/cloud/servers/cpro0299/snapshots/\\d+/actions";
    private static final String VPSORG_REVERT = "/api/v1/snapshots/\\d+/restore/";

    @Test
    void yaml(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = ExampleWorkspace.stack("yaml", workspace, emulator);
        walk(pulumi, "rollbackTo", args -> pulumi.ok(args.toArray(String[]::new)));
    }

    @Test
    void java(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = ExampleWorkspace.stack("java", workspace, emulator);
        walk(pulumi, "rollbackTo", args -> pulumi.ok(args.toArray(String[]::new)));
    }

    /**
     * The TypeScript program through its Automation API script (`make example-typescript` built it):
     * pulumi-language-nodejs cannot be built here, and an inline program needs no language host.
     */
    @Test
    void typescript(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = ExampleWorkspace.stack("typescript", workspace, emulator);
        Path script = TestEnvironment.repositoryRoot().resolve("examples/typescript/bin/automation.js");
        walk(pulumi, "vpssnap-typescript-example:rollbackTo", args -> {
            String command = args.get(0).equals("up") ? "up" : args.get(0);
            ProcessResult result = pulumi.exec(List.of("node", script.toString(), command));
            if (result.exitCode() != 0) {
                throw new AssertionError("automation.js " + command + " failed: " + result);
            }
        });
    }

    /** up, a rollback by config, a clean preview, destroy; `pulumi` runs the stack operations. */
    private void walk(PulumiCli pulumi, String rollbackKey, Consumer<List<String>> operation)
            throws Exception {
        operation.accept(List.of("up", "--yes", "--skip-preview"));
        JsonNode outputs = JSON.readTree(pulumi.outputs());
        assertEquals(1, emulator.locawebSnapshots("cpro0299").size(), emulator.state().toString());
        assertEquals(1, emulator.vpsorgSnapshots(12345).size(), emulator.state().toString());
        long webId = emulator.locawebSnapshots("cpro0299").get(0).path("id").asLong();
        assertEquals("cpro0299/" + webId, outputs.path("webSnapshot").asText(), outputs.toString());
        assertEquals(1, outputs.path("snapshotsOnWebServer").isArray()
                ? outputs.path("snapshotsOnWebServer").size() : outputs.path("snapshotsOnWebServer").asInt(),
                "the invoke lists the new snapshot: " + outputs);

        emulator.clearRequests();
        pulumi.ok("config", "set", rollbackKey, "rollback-1");
        operation.accept(List.of("up", "--yes", "--skip-preview"));
        assertEquals(1, emulator.countRequests("POST", LOCAWEB_REVERT), "one Locaweb revert");
        assertEquals(1, emulator.countRequests("POST", VPSORG_REVERT), "one VPS.org restore");
        assertEquals(List.of(webId), emulator.locawebSnapshots("cpro0299").stream().map(s -> s.path("id").asLong()).toList(),
                "reverted in place, not replaced");

        operation.accept(List.of("preview", "--expect-no-changes"));
        operation.accept(List.of("destroy", "--yes", "--skip-preview"));
        assertEquals(0, emulator.totalSnapshots(), emulator.state().toString());
        assertTrue(pulumi.outputs().isBlank() || JSON.readTree(pulumi.outputs()).isEmpty(), "no outputs after destroy");
    }
}

package com.vpssnap.provider.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.provider.testsupport.CloudCase;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A final snapshot before destroy (Terraform 1.16's before_destroy event), as
 * examples/terraform-final-snapshot writes it, through the newest terraform, the installed plugin
 * and the emulator: one ready snapshot per server before its destroy goes on, and each on_failure
 * mode when the snapshot cannot be taken. A failure is made by the cloud's own rule (VPS.org holds
 * 5 snapshots per server) or by a fault rule (Locaweb answers 503 to every create).
 */
class FinalSnapshotIT extends EmulatorTest {
    private static final String LOCAWEB_CREATES = "/v1/cloud/servers/cpro0299/snapshots";

    @Test
    void terraformDestroyTakesOneReadyFinalSnapshotPerServerFirst(@TempDir Path dir) throws Exception {
        emulator.timing("{\"createMs\": 1500}"); // a wait the destroy must sit out, whatever the machine's speed
        TofuCli terraform = example(dir, "halt");
        terraform.ok("apply", "-auto-approve");
        assertEquals(0, emulator.totalSnapshots(), "creating the servers takes no snapshot");

        ProcessResult destroyed = terraform.ok("destroy", "-auto-approve");
        assertTrue(destroyed.stdout().contains("Resources: 2 destroyed. Actions: 2 invoked."), destroyed.stdout());
        for (CloudCase cloud : CloudCase.values()) {
            List<JsonNode> snapshots = cloud.snapshots(emulator);
            assertEquals(1, snapshots.size(), cloud + ": exactly one final snapshot: " + snapshots);
            JsonNode finalOne = snapshots.get(0);
            assertTrue(attribute(finalOne, "name").matches("final-\\d{8}-\\d{6}"), "named with the plan's time: " + finalOne);
            assertEquals(cloud.readyStatus(), attribute(finalOne, "status"), finalOne.toString());
            assertEquals("[vpssnap action] Final snapshot before destroy", attribute(finalOne, "description"));
            String server = cloud.module + "_server"; // the example's stand-in for each cloud's server: terraform_data.<module>_server
            assertBefore(destroyed.stdout(), "Action complete: action.vpssnap_" + cloud.module + "_take_snapshot.final",
                    "terraform_data." + server + "[0]: Destruction complete");
        }
        assertEquals("", terraform.ok("state", "list").stdout().trim());
    }

    @Test
    void terraformDestroyGoesOnAfterAFailedFinalSnapshotWhateverTheMode(@TempDir Path dir) throws Exception {
        TofuCli terraform = example(dir, "halt");
        terraform.ok("apply", "-auto-approve");
        fillVpsorgServer();
        // Terraform's own rule (1.16): a full destroy is never blocked by an action; each failure is a warning.
        ProcessResult destroyed = terraform.ok("destroy", "-auto-approve");
        String said = flat(destroyed.combined());
        assertTrue(said.contains("Warning: Cloud API error on server 12345"), said);
        assertTrue(said.contains("Snapshot limit reached: server 12345 already has 5 snapshots"), said);
        assertTrue(said.contains("Actions: 2 invoked, 1 failed."), said);
        assertEquals("", terraform.ok("state", "list").stdout().trim(), "both destroyed");
        assertEquals(5, CloudCase.VPSORG.snapshots(emulator).size(), "nothing made on the full server");
        assertEquals(1, CloudCase.LOCAWEB.snapshots(emulator).size(), "the other server's final snapshot");
    }

    @Test
    void haltKeepsTheServerWhoseFinalSnapshotFailed(@TempDir Path dir) throws Exception {
        TofuCli terraform = example(dir, "halt");
        assertTheFullServerStays(terraform);
        assertEquals(1, CloudCase.LOCAWEB.snapshots(emulator).size(), "the other one's snapshot was taken and it went");

        emulator.deleteBehindProvider("/vpsorg/snapshots/" + CloudCase.VPSORG.snapshots(emulator).get(0).path("id").asLong());
        terraform.ok("apply", "-auto-approve", "-var", "servers=false"); // room again: the retry takes it and goes on
        assertEquals("", terraform.ok("state", "list").stdout().trim());
        assertEquals(1, CloudCase.VPSORG.snapshots(emulator).stream().filter(s -> s.path("name").asText().startsWith("final-")).count());
    }

    @Test
    void haltNamesTheServerAndTheCauseOfAFaultToo(@TempDir Path dir) throws Exception {
        TofuCli terraform = example(dir, "halt");
        terraform.ok("apply", "-auto-approve");
        emulator.addFault("{\"method\":\"POST\",\"path\":\"" + LOCAWEB_CREATES + "\",\"action\":\"status\",\"status\":503}");
        ProcessResult removed = terraform.run("apply", "-auto-approve", "-var", "servers=false");
        assertNotEquals(0, removed.exitCode(), removed.toString());
        String said = flat(removed.combined());
        assertTrue(said.contains("on server cpro0299"), said);
        assertTrue(said.contains("POST " + LOCAWEB_CREATES + " failed: HTTP 503"), said);
        assertEquals("terraform_data.locaweb_server[0]", terraform.ok("state", "list").stdout().trim());
        assertEquals(0, CloudCase.LOCAWEB.snapshots(emulator).size(), "no snapshot left behind by the failed take");
    }

    @Test
    void taintStopsADestroyLikeHalt(@TempDir Path dir) throws Exception {
        // Terraform taints only a resource just created (after_create); before a destroy, taint halts.
        TofuCli terraform = example(dir, "taint");
        assertTheFullServerStays(terraform);
        String shown = terraform.ok("show", "-json").stdout();
        assertFalse(shown.contains("\"tainted\":true"), "nothing tainted: " + shown);
    }

    @Test
    void continueDestroysAndReportsTheFailure(@TempDir Path dir) throws Exception {
        TofuCli terraform = example(dir, "continue");
        terraform.ok("apply", "-auto-approve");
        fillVpsorgServer();
        ProcessResult removed = terraform.ok("apply", "-auto-approve", "-var", "servers=false");
        String said = flat(removed.combined());
        assertTrue(said.contains("Warning: Cloud API error on server 12345"), said);
        assertTrue(said.contains("2 destroyed. Actions: 2 invoked, 1 failed."), said);
        assertEquals("", terraform.ok("state", "list").stdout().trim());
    }

    @Test
    void aResourceBlockDeletedFromTheConfigurationTakesItsTriggerWithIt(@TempDir Path dir) throws Exception {
        TofuCli terraform = example(dir, "halt");
        terraform.ok("apply", "-auto-approve");
        String config = Files.readString(dir.resolve("main.tf"));
        terraform.writeConfig(config.substring(0, config.indexOf("resource \"terraform_data\" \"vpsorg_server\"")));
        ProcessResult applied = terraform.ok("apply", "-auto-approve");
        assertTrue(applied.stdout().contains("1 destroyed"), applied.stdout());
        assertEquals(0, emulator.totalSnapshots(), "what the docs warn of: no final snapshot without the block");
    }

    /** The example with the emulator's address and the given on_failure mode. */
    private static TofuCli example(Path dir, String onFailure) throws Exception {
        String config = Files.readString(TestEnvironment.repositoryRoot().resolve("examples/terraform-final-snapshot/main.tf"));
        assertEquals(2, config.split("on_failure = halt", -1).length - 1, "the example's two triggers halt");
        TofuCli terraform = TofuCli.terraformLatest(dir);
        terraform.writeConfig(config.replace("http://127.0.0.1:8080", emulator.url()).replace("on_failure = halt", "on_failure = " + onFailure));
        return terraform;
    }

    /**
     * Applies the example, fills the VPS.org server, then drops both servers with an apply: it
     * fails naming the server and the cause, and the server whose snapshot failed stays in state.
     */
    private static void assertTheFullServerStays(TofuCli terraform) throws Exception {
        terraform.ok("apply", "-auto-approve");
        fillVpsorgServer();
        ProcessResult removed = terraform.run("apply", "-auto-approve", "-var", "servers=false");
        assertNotEquals(0, removed.exitCode(), removed.toString());
        String said = flat(removed.combined());
        assertTrue(said.contains("Error: Cloud API error on server 12345"), said);
        assertTrue(said.contains("Snapshot limit reached: server 12345 already has 5 snapshots (maximum 5)."), said);
        assertEquals("terraform_data.vpsorg_server[0]", terraform.ok("state", "list").stdout().trim(),
                "the server whose snapshot failed stays");
    }

    /** VPS.org holds 5 snapshots per server: a sixth, the final one, is refused. */
    private static void fillVpsorgServer() throws InterruptedException {
        for (int n = 1; n <= 5; n++) {
            emulator.createVpsorgSnapshot(12345, "kept-" + n);
        }
    }

    private static void assertBefore(String output, String first, String then) {
        int a = output.indexOf(first);
        int b = output.indexOf(then);
        assertTrue(a >= 0 && b >= 0 && a < b, "\"" + first + "\" before \"" + then + "\" in:\n" + output);
    }

    /** Terraform wraps long lines: compare on one line. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** A snapshot's attribute as the emulator's state shows it (Locaweb nests them under "attributes"). */
    private static String attribute(JsonNode snapshot, String name) {
        JsonNode attributes = snapshot.has("attributes") ? snapshot.path("attributes") : snapshot;
        return attributes.path(name).asText("");
    }
}

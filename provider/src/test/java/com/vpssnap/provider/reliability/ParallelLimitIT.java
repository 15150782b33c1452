package com.vpssnap.provider.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 32 snapshots created at once on one VPS.org server, which keeps at most 5: five succeed and are
 * in state, the others fail saying why, and nothing is left in the cloud that the state does not
 * know; destroy then removes exactly those five.
 */
class ParallelLimitIT extends EmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COUNT = 32;
    private static final String LIMIT_MESSAGE = "Snapshot limit reached: server 12345 already has 5 snapshots (maximum 5)";

    @Test
    void pulumi(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = new PulumiCli(workspace);
        pulumi.writeProgram(program(COUNT));
        pulumi.ok("stack", "init", "dev");
        pulumi.ok("config", "set", "vpssnap:vpsorgEndpoint", emulator.vpsorgEndpoint());
        pulumi.ok("config", "set", "--secret", "vpssnap:vpsorgToken", EmulatorFixture.VPSORG_TOKEN);

        ProcessResult up = pulumi.run("up", "--yes", "--skip-preview", "--parallel", String.valueOf(COUNT));
        assertNotEquals(0, up.exitCode(), "27 creates must fail");
        assertTrue(oneLine(up.combined()).contains(LIMIT_MESSAGE), up.combined());
        Set<String> inState = new TreeSet<>();
        for (JsonNode r : JSON.readTree(pulumi.exportedState()).path("deployment").path("resources")) {
            if (r.path("type").asText().equals("vpssnap:vpsorg:Snapshot")) {
                inState.add(r.path("id").asText());
            }
        }
        assertEquals(5, inState.size(), "the five that were made are in state: " + inState);
        assertEquals(inState, cloudIds(), "no orphan: the cloud holds exactly the state's snapshots");

        pulumi.ok("destroy", "--yes", "--skip-preview");
        assertEquals(0, emulator.totalSnapshots());
    }

    @Test
    void tofu(@TempDir Path dir) throws Exception {
        TofuCli tofu = new TofuCli(dir);
        tofu.writeConfig(hcl(COUNT));
        ProcessResult apply = tofu.run("apply", "-auto-approve", "-parallelism=" + COUNT);
        assertNotEquals(0, apply.exitCode(), "27 creates must fail");
        assertTrue(oneLine(apply.combined()).contains(LIMIT_MESSAGE), apply.combined());
        Set<String> inState = new TreeSet<>();
        for (JsonNode r : JSON.readTree(Files.readString(dir.resolve("terraform.tfstate"))).path("resources")) {
            r.path("instances").forEach(i -> inState.add(i.path("attributes").path("id").asText()));
        }
        assertEquals(5, inState.size(), "the five that were made are in state: " + inState);
        assertEquals(inState, cloudIds(), "no orphan");
        tofu.ok("destroy", "-auto-approve");
        assertEquals(0, emulator.totalSnapshots());
    }

    /** tofu wraps long error lines in its boxes. */
    private static String oneLine(String text) {
        return text.replaceAll("[│\\s]+", " ");
    }

    private Set<String> cloudIds() {
        Set<String> ids = new TreeSet<>();
        emulator.vpsorgSnapshots(12345).forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

    private static String program(int count) {
        StringBuilder yaml = new StringBuilder("name: vpssnap-parallel\nruntime: yaml\nresources:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  s").append(i).append(":\n    type: vpssnap:vpsorg:Snapshot\n    properties:\n")
                    .append("      serverId: 12345\n      name: parallel-").append(i).append('\n');
        }
        return yaml.toString();
    }

    private String hcl(int count) {
        return "terraform {\n  required_providers {\n    vpssnap = { source = \"" + TofuCli.SOURCE + "\" }\n  }\n}\n"
                + "provider \"vpssnap\" {\n  vpsorg_endpoint = \"" + emulator.vpsorgEndpoint() + "\"\n  vpsorg_token = \""
                + EmulatorFixture.VPSORG_TOKEN + "\"\n}\n"
                + "resource \"vpssnap_vpsorg_snapshot\" \"s\" {\n  count = " + count + "\n  server_id = 12345\n"
                + "  name = \"parallel-${count.index}\"\n}\n";
    }
}

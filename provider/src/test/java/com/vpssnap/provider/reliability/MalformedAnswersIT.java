package com.vpssnap.provider.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.testsupport.CloudCase;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spoiled cloud answers through the real plugin and the real engines: a create whose answer is a
 * proxy's page or cut short is adopted (the emulator and the engine's state agree: one snapshot),
 * and a refresh whose answer has the wrong shape fails with a message naming the call, without
 * dropping the snapshot from the engine's state. MalformedAnswersTableIT covers every call and kind
 * at the client.
 */
class MalformedAnswersIT extends EmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> SPOILED_CREATES = List.of(
            "\"action\":\"body\",\"status\":200,\"contentType\":\"text/html\",\"body\":\"<html>portal</html>\"",
            "\"action\":\"truncate\"");

    @ParameterizedTest
    @EnumSource(CloudCase.class)
    void pulumi(CloudCase cloud, @TempDir Path workspace) throws Exception {
        PulumiCli pulumi = cloud.pulumiStack(workspace, emulator);
        List<String> resources = new ArrayList<>();
        StringBuilder program = new StringBuilder();
        for (int i = 0; i < SPOILED_CREATES.size(); i++) {
            emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.createPathRegex() + "\",\"count\":1," + SPOILED_CREATES.get(i) + "}");
            program.append(cloud.resource("s" + i, "spoiled-" + i, null, null));
            pulumi.writeProgram(cloud.yamlProgram(program.toString()));
            pulumi.ok("up", "--yes", "--skip-preview");
            resources.add("s" + i);
            assertEquals(i + 1, cloud.snapshots(emulator).size(), "adopted, not made twice: " + emulator.state());
            assertEquals(cloud.snapshots(emulator).stream().map(s -> s.path("id").asText()).sorted().toList(),
                    stateIds(pulumi, cloud), "the engine's state and the emulator agree");
        }
        pulumi.ok("preview", "--expect-no-changes");

        // A revert whose answer is cut short: followed, not sent twice.
        emulator.timing("{\"revertMs\":3000,\"restoreMs\":3000}");
        emulator.clearRequests();
        emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.revertFaultPath() + "\",\"count\":1,\"action\":\"truncate\"}");
        pulumi.writeProgram(cloud.yamlProgram(program.toString().replace("name: spoiled-0\n", "name: spoiled-0\n      revertTrigger: r1\n")));
        pulumi.ok("up", "--yes", "--skip-preview");
        assertEquals(1, emulator.countRequests("POST", cloud.revertPathRegex), "one revert: " + emulator.requests());
        pulumi.ok("preview", "--expect-no-changes");

        emulator.addFault(cloud.wrongShapeReadFault());
        ProcessResult refresh = pulumi.run("refresh", "--yes", "--skip-preview");
        assertNotEquals(0, refresh.exitCode(), refresh.toString());
        assertTrue(refresh.combined().contains("not in the documented shape") && refresh.combined().contains("GET /"),
                refresh.toString());
        assertFalse(refresh.combined().contains(cloud.token()), "token in the output");
        assertEquals(2, stateIds(pulumi, cloud).size(), "a failed read drops nothing from the state");

        // A destroy whose delete answers are a proxy's page: a delete's body is not read.
        emulator.clearFaults();
        emulator.addFault("{\"method\":\"DELETE\",\"path\":\"/**\",\"action\":\"body\",\"status\":200,"
                + "\"contentType\":\"text/html\",\"body\":\"<html>portal</html>\"}");
        pulumi.ok("destroy", "--yes", "--skip-preview");
        assertEquals(0, emulator.totalSnapshots(), emulator.state().toString());
        assertEquals(List.of(), stateIds(pulumi, cloud));
    }

    @ParameterizedTest
    @EnumSource(CloudCase.class)
    void tofu(CloudCase cloud, @TempDir Path dir) throws Exception {
        TofuCli tofu = new TofuCli(dir);
        StringBuilder config = new StringBuilder(cloud.hclProvider(emulator));
        for (int i = 0; i < SPOILED_CREATES.size(); i++) {
            emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.createPathRegex() + "\",\"count\":1," + SPOILED_CREATES.get(i) + "}");
            config.append(cloud.hclResource("s" + i, cloud.hclServer, "spoiled-" + i, ""));
            tofu.writeConfig(config.toString());
            tofu.ok("apply", "-auto-approve");
            assertEquals(i + 1, cloud.snapshots(emulator).size(), "adopted, not made twice: " + emulator.state());
            assertEquals(i + 1, tofu.ok("state", "list").stdout().strip().lines().count(), "one state entry per snapshot");
        }
        assertEquals(0, tofu.run("plan", "-detailed-exitcode").exitCode(), "clean plan after the adoptions");

        emulator.timing("{\"revertMs\":3000,\"restoreMs\":3000}");
        emulator.clearRequests();
        emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.revertFaultPath() + "\",\"count\":1,\"action\":\"truncate\"}");
        tofu.writeConfig(cloud.hclProvider(emulator) + cloud.hclResource("s0", cloud.hclServer, "spoiled-0", "  revert_trigger = \"r1\"\n")
                + cloud.hclResource("s1", cloud.hclServer, "spoiled-1", ""));
        tofu.ok("apply", "-auto-approve");
        assertEquals(1, emulator.countRequests("POST", cloud.revertPathRegex), "one revert: " + emulator.requests());
        assertEquals(0, tofu.run("plan", "-detailed-exitcode").exitCode(), "clean plan after the followed revert");

        emulator.addFault(cloud.wrongShapeReadFault());
        ProcessResult plan = tofu.run("plan");
        assertNotEquals(0, plan.exitCode(), plan.toString());
        assertTrue(plan.combined().contains("not in the documented shape"), plan.toString());
        assertFalse(plan.combined().contains(cloud.token()), "token in the output");
        assertEquals(2, tofu.ok("state", "list").stdout().strip().lines().count(), "a failed read drops nothing from the state");

        emulator.clearFaults();
        emulator.addFault("{\"method\":\"DELETE\",\"path\":\"/**\",\"action\":\"body\",\"status\":200,"
                + "\"contentType\":\"text/html\",\"body\":\"<html>portal</html>\"}");
        tofu.ok("destroy", "-auto-approve");
        assertEquals(0, emulator.totalSnapshots(), emulator.state().toString());
    }

    /** The ids of this cloud's snapshots in the stack's state, sorted. */
    private static List<String> stateIds(PulumiCli pulumi, CloudCase cloud) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode resource : JSON.readTree(pulumi.exportedState()).path("deployment").path("resources")) {
            if (resource.path("type").asText().equals(cloud.type)) {
                String id = resource.path("id").asText();
                ids.add(id.substring(id.lastIndexOf('/') + 1));
            }
        }
        return ids.stream().sorted().toList();
    }
}

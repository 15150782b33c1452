package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.testsupport.CloudCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A YAML program's whole life with the real pulumi CLI, the installed plugin and the emulator:
 * create, no-op preview, revert in place, replace, drift, import, destroy.
 */
class PulumiYamlLifecycleIT extends EmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @ParameterizedTest
    @EnumSource(CloudCase.class)
    void lifecycle(CloudCase cloud, @TempDir Path workspace) throws Exception {
        PulumiCli pulumi = stack(cloud, workspace, emulator);

        // up creates one snapshot, and its outputs reach the stack outputs.
        pulumi.writeProgram(program(cloud, cloud.resource("snap", "e2e-snap", "first", null)));
        pulumi.ok("up", "--yes", "--skip-preview");
        JsonNode outputs = JSON.readTree(pulumi.outputs());
        List<JsonNode> snapshots = cloud.snapshots(emulator);
        assertEquals(1, snapshots.size(), "one snapshot in the emulator: " + snapshots);
        long firstId = outputs.path("snapshotId").asLong();
        assertEquals(snapshots.get(0).path("id").asLong(), firstId, "stack output snapshotId: " + outputs);
        assertTrue(List.of("done", "completed").contains(outputs.path("status").asText()), outputs.toString());

        // The token is in the stack's config and the provider's state only encrypted.
        assertFalse(pulumi.exportedState().contains(cloud.token()), "token in clear in the state");
        assertFalse(java.nio.file.Files.readString(pulumi.projectDir().resolve("Pulumi.dev.yaml")).contains(cloud.token()));

        // Nothing changed: a preview must be clean.
        pulumi.ok("preview", "--expect-no-changes");

        // A new revertTrigger is an in-place update that performs the revert.
        emulator.clearRequests();
        pulumi.writeProgram(program(cloud, cloud.resource("snap", "e2e-snap", "first", "rollback-1")));
        ProcessResult revert = pulumi.ok("up", "--yes", "--skip-preview");
        assertTrue(revert.stdout().contains("updated"), revert.stdout());
        assertEquals(1, emulator.countRequests("POST", cloud.revertPathRegex), "one revert request");
        assertEquals(firstId, JSON.readTree(pulumi.outputs()).path("snapshotId").asLong(), "same snapshot kept");
        pulumi.ok("preview", "--expect-no-changes");
        // A refresh without drift changes nothing either: Read answers in the shape of the inputs.
        pulumi.ok("refresh", "--yes", "--skip-preview", "--expect-no-changes");
        pulumi.ok("preview", "--expect-no-changes");

        // A new description replaces the snapshot: a new id, the old one gone.
        pulumi.writeProgram(program(cloud, cloud.resource("snap", "e2e-snap", "second", "rollback-1")));
        ProcessResult replace = pulumi.ok("up", "--yes", "--skip-preview");
        assertTrue(replace.stdout().contains("replaced"), replace.stdout());
        long secondId = JSON.readTree(pulumi.outputs()).path("snapshotId").asLong();
        assertNotEquals(firstId, secondId);
        assertEquals(List.of(secondId), ids(cloud.snapshots(emulator)));

        // Drift: deleted behind the provider's back, refresh drops it and up re-creates it.
        cloud.deleteBehindProvider(emulator, secondId);
        pulumi.ok("refresh", "--yes", "--skip-preview");
        ProcessResult preview = pulumi.run("preview", "--expect-no-changes");
        assertNotEquals(0, preview.exitCode(), "after drift a preview must show the re-create: " + preview);
        pulumi.ok("up", "--yes", "--skip-preview");
        assertEquals(1, cloud.snapshots(emulator).size());

        // Import an existing snapshot, then the program that describes it previews clean.
        long existing = createOutsidePulumi(cloud, workspace);
        pulumi.writeProgram(program(cloud, cloud.resource("snap", "e2e-snap", "second", "rollback-1")
                + cloud.resource("adopted", "made-by-hand", "by hand", null)));
        pulumi.ok("import", cloud.type, "adopted", cloud.importId(existing), "--yes", "--protect=false",
                "--generate-code=false");
        pulumi.ok("preview", "--expect-no-changes");

        // destroy leaves the emulator empty.
        pulumi.ok("destroy", "--yes", "--skip-preview");
        assertEquals(0, emulator.totalSnapshots(), emulator.state().toString());
    }

    /** A snapshot made by another stack that is then removed without destroying it: one made "by hand". */
    private long createOutsidePulumi(CloudCase cloud, Path workspace) throws Exception {
        PulumiCli other = stack(cloud, workspace.resolve("other"), emulator);
        other.writeProgram(program(cloud, cloud.resource("hand", "made-by-hand", "by hand", null)));
        other.ok("up", "--yes", "--skip-preview");
        long id = JSON.readTree(other.outputs()).path("snapshotId").asLong();
        other.ok("stack", "rm", "--force", "--yes");
        return id;
    }

    static PulumiCli stack(CloudCase cloud, Path workspace, EmulatorFixture emulator) throws Exception {
        return cloud.pulumiStack(workspace, emulator);
    }

    static String program(CloudCase cloud, String resources) {
        return cloud.yamlProgram(resources);
    }

    private static List<Long> ids(List<JsonNode> snapshots) {
        return snapshots.stream().map(s -> s.path("id").asLong()).toList();
    }
}

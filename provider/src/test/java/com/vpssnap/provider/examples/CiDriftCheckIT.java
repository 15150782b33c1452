package com.vpssnap.provider.examples;

import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TestEnvironment;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** examples/ci-drift-check/drift-check.sh passes on a converged stack and fails on injected drift. */
class CiDriftCheckIT extends EmulatorTest {
    private static final Path SCRIPT = TestEnvironment.repositoryRoot().resolve("examples/ci-drift-check/drift-check.sh");

    @Test
    void pulumiStack(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = ExampleWorkspace.stack("yaml", workspace, emulator);
        pulumi.ok("up", "--yes", "--skip-preview");
        Map<String, String> env = Map.of("PULUMI", TestEnvironment.pulumi().toString());
        List<String> check = List.of(SCRIPT.toString(), "pulumi", pulumi.projectDir().toString());

        ProcessResult clean = pulumi.exec(check, env);
        assertEquals(0, clean.exitCode(), clean.toString());
        assertTrue(clean.stdout().contains("drift-check: no drift"), clean.toString());

        deleteTheWebSnapshotBehindTheToolsBack();
        ProcessResult drift = pulumi.exec(check, env);
        assertEquals(1, drift.exitCode(), drift.toString());
        assertTrue(drift.stderr().contains("DRIFT"), drift.toString());

        // A check that cannot run is exit 2, not drift: here a stack that does not exist.
        ProcessResult broken = pulumi.exec(check, Map.of("PULUMI", TestEnvironment.pulumi().toString(),
                "PULUMI_STACK", "no-such-stack"));
        assertEquals(2, broken.exitCode(), broken.toString());
    }

    @Test
    void tofuConfiguration(@TempDir Path dir) throws Exception {
        TofuCli tofu = new TofuCli(dir);
        String example = Files.readString(TestEnvironment.repositoryRoot().resolve("examples/terraform/main.tf"));
        tofu.writeConfig(example.replace("http://127.0.0.1:8080", emulator.url()));
        tofu.ok("apply", "-auto-approve");
        Map<String, String> env = Map.of("TOFU", TestEnvironment.tofu().toString());
        List<String> check = List.of(SCRIPT.toString(), "tofu", dir.toString());

        ProcessResult clean = tofu.exec(check, env);
        assertEquals(0, clean.exitCode(), clean.toString());

        deleteTheWebSnapshotBehindTheToolsBack();
        ProcessResult drift = tofu.exec(check, env);
        assertEquals(1, drift.exitCode(), drift.toString());
        assertTrue(drift.stdout().contains("vpssnap_locaweb_snapshot.web will be created"), drift.toString());
        tofu.ok("destroy", "-auto-approve");
    }

    private void deleteTheWebSnapshotBehindTheToolsBack() {
        long id = emulator.locawebSnapshots("cpro0299").get(0).path("id").asLong();
        emulator.deleteBehindProvider("/locaweb/servers/cpro0299/snapshots/" + id);
    }
}

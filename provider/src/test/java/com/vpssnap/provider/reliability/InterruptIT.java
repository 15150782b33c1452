package com.vpssnap.provider.reliability;

import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGINT and SIGTERM to `pulumi up` and `tofu apply` while snapshots are being created (the cloud
 * takes 3 s per snapshot): the run stops, and the next run converges with exactly one snapshot per
 * resource, all in state. Each tool's output at the signal is printed ("INTERRUPT") for docs/guides/reliability.md.
 */
class InterruptIT {
    private static final int COUNT = 6;
    private EmulatorFixture emulator;

    @BeforeEach
    void startEmulator() {
        emulator = EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(3000).deleteMs(200)
                .revertMs(200).restoreMs(200));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void pulumiUp(String signal, @TempDir Path workspace) throws Exception {
        PulumiCli pulumi = new PulumiCli(workspace);
        pulumi.writeProgram(program());
        pulumi.ok("stack", "init", "dev");
        pulumi.ok("config", "set", "vpssnap:locawebEndpoint", emulator.locawebEndpoint());
        pulumi.ok("config", "set", "--secret", "vpssnap:locawebToken", EmulatorFixture.LOCAWEB_TOKEN);

        Path log = workspace.resolve("up.log");
        Process up = pulumi.start(log, "up", "--yes", "--skip-preview", "--parallel", "3");
        interruptAfterTheFirstCreate(up, signal, log, "pulumi up");

        // What the engine left: pending creates of the interrupted run are cleared by a refresh,
        // which also drops nothing that exists (see docs/guides/reliability.md's recovery path).
        ProcessResult refresh = pulumi.run("refresh", "--yes", "--skip-preview", "--clear-pending-creates");
        assertEquals(0, refresh.exitCode(), refresh.toString());
        pulumi.ok("up", "--yes", "--skip-preview");
        assertEquals(cloudIds(), pulumi.snapshotIds(), "one snapshot per resource, every one in state");
        pulumi.ok("destroy", "--yes", "--skip-preview");
        assertEquals(0, emulator.totalSnapshots(), "no orphan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void tofuApply(String signal, @TempDir Path dir) throws Exception {
        TofuCli tofu = new TofuCli(dir);
        tofu.writeConfig(hcl());
        Path log = dir.resolve("apply.log");
        Process apply = tofu.start(log, "apply", "-auto-approve", "-parallelism=3");
        interruptAfterTheFirstCreate(apply, signal, log, "tofu apply");

        tofu.ok("apply", "-auto-approve");
        assertEquals(cloudIds(), tofu.stateIds(), "one snapshot per resource, every one in state");
        tofu.ok("destroy", "-auto-approve");
        assertEquals(0, emulator.totalSnapshots(), "no orphan");
    }

    private void interruptAfterTheFirstCreate(Process process, String signal, Path log, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (emulator.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots") == 0 && process.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(process.isAlive(), what + " ended before the first create: " + Files.readString(log));
        assertEquals(0, new ProcessBuilder("kill", "-s", signal, String.valueOf(process.pid())).start().waitFor());
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), what + " did not stop after SIG" + signal);
        String output = Files.readString(log);
        System.out.printf("INTERRUPT %s SIG%s: exit %d, %d of %d snapshots made; last lines:%n%s%n", what, signal,
                process.exitValue(), emulator.locawebSnapshots("cpro0299").size(), COUNT, tail(output));
    }

    private Set<String> cloudIds() {
        Set<String> ids = new TreeSet<>();
        emulator.locawebSnapshots("cpro0299").forEach(s -> ids.add("cpro0299/" + s.path("id").asText()));
        assertEquals(COUNT, ids.size(), "exactly one snapshot per resource: " + ids);
        return ids;
    }

    private static String program() {
        StringBuilder yaml = new StringBuilder("name: vpssnap-interrupt\nruntime: yaml\nresources:\n");
        for (int i = 0; i < COUNT; i++) {
            yaml.append("  s").append(i).append(":\n    type: vpssnap:locaweb:Snapshot\n    properties:\n")
                    .append("      server: cpro0299\n      name: interrupted-").append(i).append('\n');
        }
        return yaml.toString();
    }

    private String hcl() {
        return "terraform {\n  required_providers {\n    vpssnap = { source = \"" + TofuCli.SOURCE + "\" }\n  }\n}\n"
                + "provider \"vpssnap\" {\n  locaweb_endpoint = \"" + emulator.locawebEndpoint() + "\"\n  locaweb_token = \""
                + EmulatorFixture.LOCAWEB_TOKEN + "\"\n}\n"
                + "resource \"vpssnap_locaweb_snapshot\" \"s\" {\n  count = " + COUNT + "\n  server = \"cpro0299\"\n"
                + "  name = \"interrupted-${count.index}\"\n}\n";
    }

    private static String tail(String text) {
        String[] lines = text.strip().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 8), lines.length));
    }
}

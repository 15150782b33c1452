package com.vpssnap.provider.reliability;

import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recognisable tokens through whole Pulumi and tofu lifecycles, an error included, with verbose
 * logging on: they must appear in no output, no log, no error, and no state file (Pulumi keeps
 * them encrypted; tofu never stores provider configuration). The only places they may be are the
 * files the user wrote them into: the HCL configuration.
 */
class SecretsSweepIT {
    private static final String LOCAWEB_CANARY = "lw-CANARY-7f3a9c-secret";
    private static final String VPSORG_CANARY = "vps-CANARY-2b81d4-secret";
    /** A program's own secret input (fn::secret): the plugin accepts secrets and must answer it as one. */
    private static final String INPUT_CANARY = "desc-CANARY-51c0e2-secret";

    private EmulatorFixture emulator;

    @BeforeEach
    void startEmulator() {
        emulator = EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(200).deleteMs(200)
                .revertMs(200).restoreMs(200).token("locaweb", LOCAWEB_CANARY).token("vpsorg", VPSORG_CANARY));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void pulumi(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = new PulumiCli(workspace);
        pulumi.writeProgram(program("cpro0299"));
        pulumi.ok("stack", "init", "dev");
        pulumi.ok("config", "set", "vpssnap:locawebEndpoint", emulator.locawebEndpoint());
        pulumi.ok("config", "set", "vpssnap:vpsorgEndpoint", emulator.vpsorgEndpoint());
        pulumi.ok("config", "set", "--secret", "vpssnap:locawebToken", LOCAWEB_CANARY);
        pulumi.ok("config", "set", "--secret", "vpssnap:vpsorgToken", VPSORG_CANARY);

        // Engine logs at -v=9 quote the provider's requests; -v=5 already carries the plugin's own stderr.
        List<String> logging = List.of("--logtostderr", "--logflow", "-v=5");
        List<ProcessResult> runs = new ArrayList<>();
        runs.add(pulumi.ok(with(logging, "up", "--yes", "--skip-preview")));
        runs.add(pulumi.ok(with(logging, "preview", "--refresh")));
        pulumi.writeProgram(program("no-such-server"));
        ProcessResult failed = pulumi.run(with(logging, "up", "--yes", "--skip-preview"));
        assertNotEquals(0, failed.exitCode(), "an unknown server must fail");
        runs.add(failed);
        pulumi.writeProgram(program("cpro0299"));
        runs.add(pulumi.ok(with(logging, "destroy", "--yes", "--skip-preview")));
        assertEquals(0, emulator.totalSnapshots());

        for (ProcessResult run : runs) {
            assertNoCanary("pulumi output", run.combined(), INPUT_CANARY);
        }
        assertNoCanary("pulumi stack export", pulumi.exportedState(), INPUT_CANARY);
        assertNoCanaryIn(workspace.resolve("state"), INPUT_CANARY);
        // The program holds its own secret in clear, as the user wrote it; the tokens are not there.
        assertNoCanaryIn(pulumi.projectDir());
    }

    @Test
    void tofu(@TempDir Path dir) throws Exception {
        TofuCli tofu = new TofuCli(dir);
        Path log = dir.resolve("tofu.log");
        tofu.env("TF_LOG", "DEBUG").env("TF_LOG_PATH", log.toString());
        tofu.writeConfig(hcl("cpro0299"));
        List<ProcessResult> runs = new ArrayList<>();
        runs.add(tofu.ok("apply", "-auto-approve"));
        runs.add(tofu.ok("plan"));
        tofu.writeConfig(hcl("no-such-server"));
        ProcessResult failed = tofu.run("apply", "-auto-approve");
        assertNotEquals(0, failed.exitCode(), "an unknown server must fail");
        runs.add(failed);
        tofu.writeConfig(hcl("cpro0299"));
        runs.add(tofu.ok("destroy", "-auto-approve"));
        assertEquals(0, emulator.totalSnapshots());

        for (ProcessResult run : runs) {
            assertNoCanary("tofu output", run.combined());
        }
        assertTrue(Files.size(log) > 0, "the debug log was written");
        assertNoCanary("tofu's debug log, with the plugin's stderr", Files.readString(log));
        for (String state : List.of("terraform.tfstate", "terraform.tfstate.backup")) {
            if (Files.exists(dir.resolve(state))) {
                assertNoCanary(state, Files.readString(dir.resolve(state)));
            }
        }
    }

    private static String[] with(List<String> logging, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(logging);
        return all.toArray(String[]::new);
    }

    private static void assertNoCanary(String where, String text, String... more) {
        List<String> canaries = new ArrayList<>(List.of(LOCAWEB_CANARY, VPSORG_CANARY));
        canaries.addAll(List.of(more));
        for (String canary : canaries) {
            int at = text.indexOf(canary);
            assertEquals(-1, at, () -> "token in " + where + ": …" + text.substring(Math.max(0, at - 200), at) + "…");
        }
    }

    private static void assertNoCanaryIn(Path dir, String... more) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertNoCanary(file.toString(), new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1), more);
            }
        }
    }

    private static String program(String server) {
        return "name: vpssnap-secrets\nruntime: yaml\nresources:\n"
                + "  web:\n    type: vpssnap:locaweb:Snapshot\n    properties:\n      server: " + server + "\n      name: sweep\n"
                + "      description:\n        fn::secret: " + INPUT_CANARY + "\n"
                + "  db:\n    type: vpssnap:vpsorg:Snapshot\n    properties:\n      serverId: 12345\n      name: sweep\n";
    }

    private String hcl(String server) {
        return "terraform {\n  required_providers {\n    vpssnap = { source = \"" + TofuCli.SOURCE + "\" }\n  }\n}\n"
                + "provider \"vpssnap\" {\n  locaweb_endpoint = \"" + emulator.locawebEndpoint() + "\"\n  locaweb_token = \""
                + LOCAWEB_CANARY + "\"\n  vpsorg_endpoint = \"" + emulator.vpsorgEndpoint() + "\"\n  vpsorg_token = \""
                + VPSORG_CANARY + "\"\n}\n"
                + "resource \"vpssnap_locaweb_snapshot\" \"web\" {\n  server = \"" + server + "\"\n  name = \"sweep\"\n}\n"
                + "resource \"vpssnap_vpsorg_snapshot\" \"db\" {\n  server_id = 12345\n  name = \"sweep\"\n}\n";
    }
}

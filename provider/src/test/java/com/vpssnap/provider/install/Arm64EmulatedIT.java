package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The linux_arm64 packages, run for real under emulation (EmulatedArm64): OpenTofu applies one
 * snapshot on each cloud with the arm64 Terraform package, plans clean and destroys; pulumi runs
 * the YAML stack with the arm64 plugin tarball. The engines are amd64 and install only their own
 * platform's package, so tofu is given the arm64 zip unpacked where an unpacked filesystem mirror
 * keeps linux_amd64's (init then hashes it, and the lock must hold linux_arm64's h1: from the
 * release), and pulumi installs the tarball with `plugin install --file`. Class-data training is
 * off: under emulation it would only slow the test, and it is the Java 25 path InstalledPackageIT trains.
 */
class Arm64EmulatedIT {
    @Test
    void tofuAppliesPlansCleanAndDestroysWithTheArm64Package(@TempDir Path root) throws Exception {
        NewUser user = new NewUser(root);
        Path mirror = root.resolve("mirror");
        Path packageDir = Files.createDirectories(mirror.resolve(Release.SOURCE + "/" + Release.VERSION + "/linux_amd64"));
        user.ok(packageDir, List.of("unzip", "-q", Release.terraformZip("linux_arm64").toString()));
        EmulatedArm64 arm64 = EmulatedArm64.forPackage(packageDir, root);
        assertRunsOnAarch64(user, arm64);

        Path workspace = Release.copyExample("terraform", root.resolve("stack"));
        Path cliConfig = Release.filesystemMirrorConfig(workspace, mirror, root.resolve("cli.tfrc"));
        String tofu = TestEnvironment.tofu().toString();
        try (EmulatorFixture emulator = EmulatorFixture.start()) {
            user.terraformCli(cliConfig).env("VPSSNAP_JAVA", arm64.javaHome()).env("VPSSNAP_CDS_TRAINING", "off")
                    // Cold: the package's session helper is an arm64 program, which this machine runs only
                    // through qemu by name (no binfmt_misc); it is checked below on its own.
                    .env("VPSSNAP_SERVER", "off")
                    .env("VPSSNAP_LOCAWEB_ENDPOINT", emulator.locawebEndpoint()).env("VPSSNAP_LOCAWEB_TOKEN", EmulatorFixture.LOCAWEB_TOKEN)
                    .env("VPSSNAP_VPSORG_ENDPOINT", emulator.vpsorgEndpoint()).env("VPSSNAP_VPSORG_TOKEN", EmulatorFixture.VPSORG_TOKEN);
            user.ok(workspace, List.of(tofu, "init", "-no-color"));
            assertTrue(Files.readString(workspace.resolve(".terraform.lock.hcl")).contains(Release.networkMirrorH1("linux_arm64")),
                    "init hashed the release's linux_arm64 package");
            user.ok(workspace, List.of(tofu, "apply", "-auto-approve", "-no-color"));
            assertEquals(1, emulator.locawebSnapshots("cpro0299").size());
            assertEquals(1, emulator.vpsorgSnapshots(12345).size());
            ProcessResult plan = user.run(workspace, List.of(tofu, "plan", "-detailed-exitcode", "-no-color"));
            assertEquals(0, plan.exitCode(), "a clean plan after apply: " + plan);
            user.ok(workspace, List.of(tofu, "destroy", "-auto-approve", "-no-color"));
            assertEquals(0, emulator.locawebSnapshots("cpro0299").size() + emulator.vpsorgSnapshots(12345).size());
        }
        assertTrue(arm64.starts().contains("com.vpssnap.provider.terraform.TerraformMain"),
                "tofu's provider ran on the package's arm64 runtime: " + arm64.starts());
        ProcessResult helper = user.run(root, List.of("qemu-aarch64-static", "-cpu", EmulatedArm64.CPU, packageDir.resolve("lib/vpssnap-session").toString()));
        assertEquals(2, helper.exitCode(), "the arm64 session helper runs and refuses to be run by hand: " + helper);
        assertTrue(helper.stderr().contains("it is run by the vpssnap launcher"), helper.toString());
    }

    @Test
    void pulumiRunsTheYamlStackOnTheArm64Plugin(@TempDir Path root) throws Exception {
        NewUser user = new NewUser(root).pulumiCli(root);
        String pulumi = TestEnvironment.pulumi().toString();
        user.ok(root, List.of(pulumi, "plugin", "install", "resource", "vpssnap", Release.VERSION,
                "--file", Release.pluginTarball("linux_arm64").toString(), "--non-interactive"));
        Path packageDir = Path.of(user.environment().get("PULUMI_HOME"), "plugins", "resource-vpssnap-v" + Release.VERSION);
        EmulatedArm64 arm64 = EmulatedArm64.forPackage(packageDir, root);
        assertRunsOnAarch64(user, arm64);

        Path project = Release.copyExample("yaml", root.resolve("project"));
        user.env("VPSSNAP_JAVA", arm64.javaHome()).env("VPSSNAP_CDS_TRAINING", "off").env("VPSSNAP_SERVER", "off");
        try (EmulatorFixture emulator = EmulatorFixture.start()) {
            pulumi(user, project, "stack", "init", "dev");
            pulumi(user, project, "config", "set", "vpssnap:locawebEndpoint", emulator.locawebEndpoint());
            pulumi(user, project, "config", "set", "--secret", "vpssnap:locawebToken", EmulatorFixture.LOCAWEB_TOKEN);
            pulumi(user, project, "config", "set", "vpssnap:vpsorgEndpoint", emulator.vpsorgEndpoint());
            pulumi(user, project, "config", "set", "--secret", "vpssnap:vpsorgToken", EmulatorFixture.VPSORG_TOKEN);
            pulumi(user, project, "up", "--yes", "--skip-preview");
            assertEquals(1, emulator.locawebSnapshots("cpro0299").size());
            assertEquals(1, emulator.vpsorgSnapshots(12345).size());
            pulumi(user, project, "preview", "--expect-no-changes");
            pulumi(user, project, "destroy", "--yes", "--skip-preview");
            assertEquals(0, emulator.locawebSnapshots("cpro0299").size() + emulator.vpsorgSnapshots(12345).size());
        }
        assertTrue(arm64.starts().contains("com.vpssnap.provider.pulumi.PulumiMain"),
                "pulumi's plugin ran on the package's arm64 runtime: " + arm64.starts());
    }

    /** The stand-in really runs an aarch64 JVM: the runtime's own idea of its architecture. */
    private static void assertRunsOnAarch64(NewUser user, EmulatedArm64 arm64) {
        ProcessResult settings = user.ok(Path.of(arm64.javaHome()), List.of(arm64.javaHome() + "/bin/java", "-XshowSettings:properties", "-version"));
        assertTrue(settings.stderr().contains("os.arch = aarch64"), settings.toString());
    }

    private static void pulumi(NewUser user, Path project, String... args) {
        List<String> command = new ArrayList<>(List.of(TestEnvironment.pulumi().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--non-interactive", "--color=never"));
        user.ok(project, command, Map.of());
    }
}

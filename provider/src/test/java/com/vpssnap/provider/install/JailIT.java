package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TestEnvironment;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The released linux packages run where the host has no C library at all (Alpine has musl, NixOS no
 * loader where glibc's is looked for, RHEL 8 too old a glibc): from a {@link Jail} that holds the
 * unpacked release and a static busybox, nothing else. The engines run outside and start the
 * plugin through a stand-in that chroots into the jail. The clouds are reached at a name only the
 * jail's /etc/hosts knows, over HTTPS (a test CA in a trust store given with VPSSNAP_JAVA_OPTS).
 */
class JailIT {
    private static final String TERRAFORM_LAUNCHER = "/tf/terraform-provider-vpssnap_v" + Release.VERSION;
    private static final String PULUMI_LAUNCHER = "/pulumi/pulumi-resource-vpssnap";
    private static final String TRUST = "-Djavax.net.ssl.trustStore=/etc/vpssnap-ca.p12 -Djavax.net.ssl.trustStorePassword=changeit";

    @Test
    void tofuAppliesPlansCleanAndDestroysFromAJailWithNoCLibraryColdAndWarm(@TempDir Path root) throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create(root.resolve("ca"), Jail.HOST_NAME);
        try (Jail jail = Jail.create(root.resolve("jail"), false); EmulatorFixture emulator = EmulatorFixture.start();
             TlsFront https = TlsFront.start(ca.serverContext(), port(emulator))) {
            jail.unpack(Release.terraformZip(), "/tf");
            assertEquals(List.of(), jail.cLibrariesOutside(List.of("/tf")), "no C library in the jail but the package's");
            ca.writeTrustStore(jail.inside("/etc/vpssnap-ca.p12"));
            Path plugins = root.resolve("plugins");
            jail.plugin(plugins, "terraform-provider-vpssnap", TERRAFORM_LAUNCHER);
            TofuCli tofu = new TofuCli(root.resolve("tofu")).pluginsFrom(plugins).env("VPSSNAP_JAVA_OPTS", TRUST);
            tofu.writeConfig(hcl("https://" + Jail.HOST_NAME + ":" + https.port(), true));
            coldThenWarm(jail, server -> {
                tofu.env("VPSSNAP_SERVER", server);
                tofu.ok("apply", "-auto-approve");
                assertEquals(1, emulator.locawebSnapshots("cpro0299").size(), server);
                assertEquals(1, emulator.vpsorgSnapshots(12345).size(), server);
                ProcessResult plan = tofu.run("plan", "-detailed-exitcode");
                assertEquals(0, plan.exitCode(), "a clean plan, server " + server + ": " + plan);
                tofu.ok("destroy", "-auto-approve");
                assertEquals(0, emulator.totalSnapshots(), server);
            });
        }
    }

    @Test
    void pulumiRunsTheYamlStackFromTheJailColdAndWarm(@TempDir Path root) throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create(root.resolve("ca"), Jail.HOST_NAME);
        try (Jail jail = Jail.create(root.resolve("jail"), false); EmulatorFixture emulator = EmulatorFixture.start();
             TlsFront https = TlsFront.start(ca.serverContext(), port(emulator))) {
            jail.unpack(Release.pluginTarball("linux_amd64"), "/pulumi");
            assertEquals(List.of(), jail.cLibrariesOutside(List.of("/pulumi")));
            ca.writeTrustStore(jail.inside("/etc/vpssnap-ca.p12"));
            Path plugins = root.resolve("plugins");
            jail.plugin(plugins, "pulumi-resource-vpssnap", PULUMI_LAUNCHER);
            PulumiCli pulumi = new PulumiCli(root.resolve("pulumi"), false);
            // Found on PATH, as a plugin that is not installed is.
            pulumi.env("PATH", plugins + ":" + TestEnvironment.pulumi().getParent() + ":" + System.getenv("PATH"))
                    .env("VPSSNAP_JAVA_OPTS", TRUST);
            pulumi.writeProgram("name: jail\nruntime: yaml\nresources:\n"
                    + "  lw:\n    type: vpssnap:locaweb:Snapshot\n    properties:\n      server: cpro0299\n      name: jail\n"
                    + "  vps:\n    type: vpssnap:vpsorg:Snapshot\n    properties:\n      serverId: 12345\n      name: jail\n");
            String endpoint = "https://" + Jail.HOST_NAME + ":" + https.port();
            pulumi.ok("stack", "init", "dev");
            pulumi.ok("config", "set", "vpssnap:locawebEndpoint", endpoint + "/v1");
            pulumi.ok("config", "set", "--secret", "vpssnap:locawebToken", EmulatorFixture.LOCAWEB_TOKEN);
            pulumi.ok("config", "set", "vpssnap:vpsorgEndpoint", endpoint + "/api/v1");
            pulumi.ok("config", "set", "--secret", "vpssnap:vpsorgToken", EmulatorFixture.VPSORG_TOKEN);
            coldThenWarm(jail, server -> {
                pulumi.env("VPSSNAP_SERVER", server);
                pulumi.ok("up", "--yes", "--skip-preview");
                assertEquals(2, emulator.totalSnapshots(), server);
                pulumi.ok("preview", "--expect-no-changes");
                pulumi.ok("destroy", "--yes");
                assertEquals(0, emulator.totalSnapshots(), server);
            });
        }
    }

    @Test
    void aUsersPreloadAndLibraryPathNeverReachTheBundledCLibrary(@TempDir Path root) throws Exception {
        try (Jail jail = Jail.create(root.resolve("jail"), false)) {
            jail.unpack(Release.pluginTarball("linux_amd64"), "/pulumi");
            // Not a library at all: the loader would say so (and, for a real host library, load it into ours).
            // Set inside the jail (by its static shell), not for the host's chroot, which would complain itself.
            ProcessBuilder start = new ProcessBuilder("chroot", jail.root().toString(), "/bin/sh", "-c",
                    "LD_PRELOAD=/etc/hosts LD_AUDIT=/etc/passwd LD_LIBRARY_PATH=/etc:/root exec " + PULUMI_LAUNCHER)
                    .redirectError(root.resolve("stderr.txt").toFile());
            start.environment().clear();
            start.environment().putAll(java.util.Map.of("HOME", "/root", "PATH", "/bin", "VPSSNAP_SERVER", "off",
                    "VPSSNAP_CDS_TRAINING", "off"));
            Process plugin = start.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(plugin.getInputStream(), StandardCharsets.UTF_8))) {
                String first = out.readLine();
                assertTrue(first != null && first.matches("\\d+"), "the port line: " + first + "; " + Files.readString(root.resolve("stderr.txt")));
            } finally {
                plugin.destroyForcibly().waitFor();
            }
            String said = Files.readString(root.resolve("stderr.txt"));
            assertFalse(said.contains("LD_PRELOAD") || said.contains("ld.so"), "the loader never saw them: " + said);
        }
    }

    @Test
    void tofuAppliesFromAnAlpineLikeJailWithMuslAndNoGlibc(@TempDir Path root) throws Exception {
        try (Jail jail = Jail.create(root.resolve("jail"), true); EmulatorFixture emulator = EmulatorFixture.start()) {
            jail.unpack(Release.terraformZip(), "/tf");
            assertEquals(List.of("ld-musl-x86_64.so.1"), jail.cLibrariesOutside(List.of("/tf")), "musl's loader, nothing of glibc");
            Path plugins = root.resolve("plugins");
            jail.plugin(plugins, "terraform-provider-vpssnap", TERRAFORM_LAUNCHER);
            TofuCli tofu = new TofuCli(root.resolve("tofu")).pluginsFrom(plugins).env("VPSSNAP_SERVER", "off");
            tofu.writeConfig(hcl(emulator.url(), false));
            tofu.ok("apply", "-auto-approve");
            assertEquals(1, emulator.locawebSnapshots("cpro0299").size());
            tofu.ok("destroy", "-auto-approve");
            assertEquals(0, emulator.totalSnapshots());
        }
    }

    @Test
    void theArm64PackageAppliesFromAJailUnderQemu(@TempDir Path root) throws Exception {
        try (Jail jail = Jail.create(root.resolve("jail"), false); EmulatorFixture emulator = EmulatorFixture.start()) {
            jail.unpack(Release.terraformZip("linux_arm64"), "/tf");
            assertEquals(List.of(), jail.cLibrariesOutside(List.of("/tf")));
            EmulatedArm64 arm64 = EmulatedArm64.inJail(jail.root(), "/tf");
            Path plugins = root.resolve("plugins");
            jail.plugin(plugins, "terraform-provider-vpssnap", TERRAFORM_LAUNCHER);
            // Cold, untrained: the session helper is an arm64 program, which only qemu by name runs here.
            TofuCli tofu = new TofuCli(root.resolve("tofu")).pluginsFrom(plugins).env("VPSSNAP_SERVER", "off")
                    .env("VPSSNAP_CDS_TRAINING", "off").env("VPSSNAP_JAVA", arm64.javaHome());
            tofu.writeConfig(hcl(emulator.url(), false));
            // One apply (three plugin starts under emulation, about a minute): Arm64EmulatedIT has the rest of the lifecycle.
            tofu.ok("apply", "-auto-approve");
            assertEquals(1, emulator.locawebSnapshots("cpro0299").size());
            assertTrue(arm64.starts().contains("com.vpssnap.provider.terraform.TerraformMain"),
                    "the plugin ran on the package's arm64 runtime and C library: " + arm64.starts());
        }
    }

    /** One run of an engine with VPSSNAP_SERVER set to the given value. */
    private interface ServerSettingRun {
        void run(String server) throws Exception;
    }

    /** {@code body} with the server off, then on; the warm server must then run in the jail, and is ended after. */
    private static void coldThenWarm(Jail jail, ServerSettingRun body) throws Exception {
        try {
            for (String server : List.of("off", "on")) {
                body.run(server);
            }
            assertTrue(warmServer(jail).isPresent(), "the warm server started inside the jail");
        } finally {
            warmServer(jail).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** A Locaweb snapshot, and a VPS.org one when {@code both}, against {@code base}. */
    private static String hcl(String base, boolean both) {
        return "terraform {\n  required_providers {\n    vpssnap = { source = \"" + Release.SOURCE + "\" }\n  }\n}\n"
                + "provider \"vpssnap\" {\n  locaweb_endpoint = \"" + base + "/v1\"\n  locaweb_token = \"" + EmulatorFixture.LOCAWEB_TOKEN
                + "\"\n  vpsorg_endpoint = \"" + base + "/api/v1\"\n  vpsorg_token = \"" + EmulatorFixture.VPSORG_TOKEN + "\"\n}\n"
                + "resource \"vpssnap_locaweb_snapshot\" \"lw\" {\n  server = \"cpro0299\"\n  name = \"jail\"\n}\n"
                + (both ? "resource \"vpssnap_vpsorg_snapshot\" \"vps\" {\n  server_id = 12345\n  name = \"jail\"\n}\n" : "");
    }

    private static int port(EmulatorFixture emulator) {
        return URI.create(emulator.url()).getPort();
    }

    /** The pid of the warm server that runs in the jail, from its endpoint file ("SOCKET SECRET PID"). */
    private static Optional<Long> warmServer(Jail jail) throws Exception {
        Path folder = jail.inside("/root/.cache/vpssnap/server");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Optional<Path> endpoint;
        try (Stream<Path> files = Files.list(folder)) {
            endpoint = files.filter(f -> f.toString().endsWith(".endpoint")).findFirst();
        }
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readString(endpoint.get()).trim().split(" ")[2]));
    }
}

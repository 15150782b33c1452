package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenTofu and HashiCorp Terraform install the released provider as a new user does: from the
 * filesystem mirror, and from the network mirror over HTTPS (a test CA, trusted through
 * SSL_CERT_FILE), with no java on PATH. Each applies examples/install/terraform on both clouds,
 * runs init again with the lock file present, plans clean, destroys, and leaves the installed
 * package exactly as init unpacked it.
 */
class TerraformInstallIT {
    enum Mirror { FILESYSTEM, NETWORK }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String engine : List.of("tofu", "terraform")) {
            for (Mirror mirror : Mirror.values()) {
                cases.add(Arguments.of(engine, mirror));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} from the {1} mirror")
    @MethodSource("cases")
    void installsAppliesAndNeverChangesThePackage(String engine, Mirror mirror, @TempDir Path root) throws Exception {
        Path cli = engine.equals("tofu") ? TestEnvironment.tofu() : TestEnvironment.terraform();
        NewUser user = new NewUser(root);
        Path workspace = Release.copyExample("terraform", root.resolve("stack"));
        try (EmulatorFixture emulator = EmulatorFixture.start();
             StaticFileServer server = mirror == Mirror.NETWORK ? httpsMirror(root, user) : null) {
            Path cliConfig = mirror == Mirror.NETWORK
                    ? Release.networkMirrorConfig(workspace, server.url("https"), root.resolve("cli.tfrc"))
                    : Release.filesystemMirrorConfig(workspace, Release.filesystemMirror(), root.resolve("cli.tfrc"));
            user.terraformCli(cliConfig)
                    .env("VPSSNAP_LOCAWEB_ENDPOINT", emulator.locawebEndpoint()).env("VPSSNAP_LOCAWEB_TOKEN", EmulatorFixture.LOCAWEB_TOKEN)
                    .env("VPSSNAP_VPSORG_ENDPOINT", emulator.vpsorgEndpoint()).env("VPSSNAP_VPSORG_TOKEN", EmulatorFixture.VPSORG_TOKEN);

            ProcessResult init = user.ok(workspace, List.of(cli.toString(), "init", "-no-color"));
            assertTrue(init.stdout().contains("Installing " + Release.SOURCE + " v" + Release.VERSION),
                    "init installs the provider from the mirror: " + init);
            String lock = Files.readString(workspace.resolve(".terraform.lock.hcl"));
            assertTrue(lock.contains("provider \"" + Release.SOURCE + "\"") && lock.contains("h1:"), lock);
            String mirrorsH1 = Release.networkMirrorH1("linux_amd64");
            assertTrue(lock.contains("\"" + mirrorsH1 + "\""), "the engine's own package hash is the one the network mirror lists: " + lock);
            if (mirror == Mirror.NETWORK) {
                assertTrue(server.requests().contains("GET /" + Release.SOURCE + "/index.json"), server.requests().toString());
            }
            Path installed = workspace.resolve(".terraform/providers/" + Release.SOURCE + "/" + Release.VERSION + "/linux_amd64");
            Map<String, String> unpacked = PackageFingerprint.of(installed);
            assertTrue(unpacked.containsKey("runtime/bin/java"), "the package carries its Java runtime");
            // ... and its C library, through whose loader the launcher starts every JVM (JailIT: with no other).
            assertTrue(unpacked.containsKey("runtime/bin/ld-linux-x86-64.so.2") && unpacked.containsKey("runtime/glibc/libc.so.6"),
                    "the package carries its C library: " + unpacked.keySet());

            user.ok(workspace, List.of(cli.toString(), "apply", "-auto-approve", "-no-color"));
            assertEquals(1, emulator.locawebSnapshots("cpro0299").size());
            assertEquals(1, emulator.vpsorgSnapshots(12345).size());

            ProcessResult again = user.ok(workspace, List.of(cli.toString(), "init", "-no-color"));
            assertTrue(again.stdout().contains("Reusing previous version of") || again.stdout().contains("Using previously-installed"),
                    "the second init trusts the lock file: " + again);
            ProcessResult plan = user.run(workspace, List.of(cli.toString(), "plan", "-detailed-exitcode", "-no-color"));
            assertEquals(0, plan.exitCode(), "a clean plan after apply: " + plan);

            user.ok(workspace, List.of(cli.toString(), "destroy", "-auto-approve", "-no-color"));
            assertEquals(0, emulator.locawebSnapshots("cpro0299").size() + emulator.vpsorgSnapshots(12345).size());

            assertEquals(unpacked, PackageFingerprint.of(installed), "nothing in the installed package was written, added or removed");
        }
    }

    /** dist/terraform-network-mirror over HTTPS on loopback, its test CA trusted by {@code user} (SSL_CERT_FILE). */
    static StaticFileServer httpsMirror(Path root, NewUser user) throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create(root.resolve("ca"));
        user.env("SSL_CERT_FILE", ca.caCertificate().toString());
        return StaticFileServer.https(Release.networkMirror(), ca.serverContext());
    }
}

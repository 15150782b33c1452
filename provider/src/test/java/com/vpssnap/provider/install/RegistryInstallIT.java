package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new user with only tofu or terraform, `source = "vpssnap.dev/vpssnap/vpssnap"` and our static
 * registry tree (a release signed with a throwaway key, SignedRelease) served over HTTPS on
 * loopback. A CLI configuration holding only a `host "vpssnap.dev"` block stands in for DNS: no
 * mirror, no dev_overrides. The engine discovers the provider, checks SHA256SUMS against its
 * signature with the key the registry lists, and runs it; a tampered release is refused by the
 * engine's own checks.
 */
class RegistryInstallIT {
    private static final String HOST = Release.SOURCE.substring(0, Release.SOURCE.indexOf('/'));

    enum Tamper { SIGNED_BY_ANOTHER_KEY, SUMS_CHANGED_AFTER_SIGNING, ZIP_NOT_THE_LISTED_ONE }

    /** tofu 1.12, terraform 1.11 (the oldest protocol-6 engine we keep) and terraform 1.16 (what a current user runs). */
    @ParameterizedTest(name = "{0} installs from the registry by the source address alone")
    @ValueSource(strings = {"tofu", "terraform", "terraform-latest"})
    void installsVerifiesAndRunsFromTheRegistry(String engine, @TempDir Path root) throws Exception {
        SignedRelease release = SignedRelease.create(root);
        NewUser user = new NewUser(root);
        Path workspace = Release.copyExample("terraform", root.resolve("stack"));
        String cli = cli(engine);
        try (EmulatorFixture emulator = EmulatorFixture.start(); StaticFileServer registry = serve(root, user, release)) {
            user.env("VPSSNAP_LOCAWEB_ENDPOINT", emulator.locawebEndpoint()).env("VPSSNAP_LOCAWEB_TOKEN", EmulatorFixture.LOCAWEB_TOKEN)
                    .env("VPSSNAP_VPSORG_ENDPOINT", emulator.vpsorgEndpoint()).env("VPSSNAP_VPSORG_TOKEN", EmulatorFixture.VPSORG_TOKEN);
            ProcessResult init = user.ok(workspace, List.of(cli, "init", "-no-color"));
            // terraform: "- Installed vpssnap.dev/vpssnap/vpssnap v0.1.0 (self-signed, key ID 1A2B3C4D5E6F7A8B)";
            // tofu: "- Installed vpssnap.dev/vpssnap/vpssnap v0.1.0 (signed, key ID 1A2B3C4D5E6F7A8B)".
            assertTrue(init.stdout().contains("Installed " + Release.SOURCE + " v" + Release.VERSION)
                    && init.stdout().contains("signed, key ID " + release.keyId() + ")"), "the signature was checked: " + init);
            assertTrue(registry.requests().contains("GET /v1/providers/vpssnap/vpssnap/" + Release.VERSION
                    + "/terraform-provider-vpssnap_" + Release.VERSION + "_SHA256SUMS.sig"), registry.requests().toString());
            assertTrue(Files.readString(workspace.resolve(".terraform.lock.hcl")).contains(Release.networkMirrorH1("linux_amd64")));

            user.ok(workspace, List.of(cli, "apply", "-auto-approve", "-no-color"));
            assertEquals(1, emulator.locawebSnapshots("cpro0299").size());
            assertEquals(1, emulator.vpsorgSnapshots(12345).size());
            ProcessResult plan = user.run(workspace, List.of(cli, "plan", "-detailed-exitcode", "-no-color"));
            assertEquals(0, plan.exitCode(), "a clean plan after apply: " + plan);
            ProcessResult again = user.ok(workspace, List.of(cli, "init", "-no-color"));
            assertTrue(again.stdout().contains("Reusing previous version of") || again.stdout().contains("Using previously-installed"),
                    "the second init trusts the lock file: " + again);
            user.ok(workspace, List.of(cli, "destroy", "-auto-approve", "-no-color"));
            assertEquals(0, emulator.locawebSnapshots("cpro0299").size() + emulator.vpsorgSnapshots(12345).size());
        }
    }

    static Stream<Arguments> tampered() {
        List<Arguments> cases = new ArrayList<>();
        for (String engine : List.of("tofu", "terraform")) {
            for (Tamper tamper : Tamper.values()) {
                cases.add(Arguments.of(engine, tamper));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} refuses a release whose {1}")
    @MethodSource("tampered")
    void aTamperedReleaseIsRefused(String engine, Tamper tamper, @TempDir Path root) throws Exception {
        SignedRelease release = SignedRelease.create(root);
        Path zip = release.versionFiles().resolve("terraform-provider-vpssnap_" + Release.VERSION + "_linux_amd64.zip");
        String expected = switch (tamper) {
            case SIGNED_BY_ANOTHER_KEY -> {
                release.resignWithAnotherKey();
                // terraform: "Error while installing vpssnap.dev/vpssnap/vpssnap v0.1.0: authentication signature from
                // unknown issuer"; tofu: "...: the provider is not signed with a valid signing key; please contact the
                // provider author (authentication signature from unknown issuer)".
                yield "authentication signature from unknown issuer";
            }
            case SUMS_CHANGED_AFTER_SIGNING -> {
                Files.writeString(release.sums(), "0".repeat(64) + "  terraform-provider-vpssnap_" + Release.VERSION
                        + "_windows_amd64.zip\n", StandardOpenOption.APPEND);
                // terraform: "...: error checking signature: openpgp: invalid signature: EdDSA verification failure";
                // tofu: "...: the provider is not signed with a valid signing key; please contact the provider author
                // (error checking signature: openpgp: invalid signature: EdDSA verification failure)".
                yield "openpgp: invalid signature";
            }
            case ZIP_NOT_THE_LISTED_ONE -> {
                byte[] bytes = Files.readAllBytes(zip);
                Files.delete(zip);
                bytes[bytes.length / 2] ^= 1;
                Files.write(zip, bytes);
                // Both engines: "...: archive has incorrect checksum zh:<the served zip's> (expected zh:<the listed one>)".
                yield "archive has incorrect checksum";
            }
        };
        NewUser user = new NewUser(root);
        Path workspace = Release.copyExample("terraform", root.resolve("stack"));
        try (StaticFileServer ignored = serve(root, user, release)) {
            ProcessResult init = user.run(workspace, List.of(cli(engine), "init", "-no-color"));
            assertNotEquals(0, init.exitCode(), init.toString());
            assertTrue(init.stderr().replaceAll("\\s+", " ").contains(expected), "refused with the engine's own message: " + init);
            Path installed = workspace.resolve(".terraform/providers");
            try (Stream<Path> files = Files.exists(installed) ? Files.walk(installed) : Stream.empty()) {
                // tofu leaves only its own install lock (linux_amd64.lock) behind.
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("terraform-provider-")
                        || f.getFileName().toString().equals("runtime")).toList(), "nothing was installed: " + init);
            }
            assertTrue(!Files.exists(workspace.resolve(".terraform.lock.hcl")), "and nothing was locked: " + init);
        }
    }

    private static String cli(String engine) {
        return switch (engine) {
            case "tofu" -> TestEnvironment.tofu().toString();
            case "terraform-latest" -> TestEnvironment.terraformLatest().toString();
            default -> TestEnvironment.terraform().toString();
        };
    }

    /** The registry over HTTPS, and a CLI configuration that names it for the host instead of DNS. */
    private static StaticFileServer serve(Path root, NewUser user, SignedRelease release) throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create(root.resolve("ca"));
        user.env("SSL_CERT_FILE", ca.caCertificate().toString());
        StaticFileServer server = StaticFileServer.https(release.registry(), ca.serverContext());
        Path cliConfig = Files.writeString(root.resolve("cli.tfrc"), "host \"" + HOST + "\" {\n  services = {\n"
                + "    \"providers.v1\" = \"" + server.url("https") + "v1/providers/\"\n  }\n}\n");
        user.terraformCli(cliConfig);
        return server;
    }
}

package com.vpssnap.provider.install;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A team locks the provider for every machine its people and CI use, as a new user would:
 * `providers lock` for the five platforms, from the filesystem mirror and from the network mirror
 * (HTTPS on loopback), with OpenTofu and with Terraform. The lock file must hold exactly the
 * `h1:` hash of each platform's package that the network mirror's VERSION.json lists.
 */
class PlatformLockIT {
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String engine : List.of("tofu", "terraform")) {
            for (TerraformInstallIT.Mirror mirror : TerraformInstallIT.Mirror.values()) {
                cases.add(Arguments.of(engine, mirror));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} locks five platforms from the {1} mirror")
    @MethodSource("cases")
    void locksEveryPlatformWithTheReleasesOwnHashes(String engine, TerraformInstallIT.Mirror mirror, @TempDir Path root) throws Exception {
        Path cli = engine.equals("tofu") ? TestEnvironment.tofu() : TestEnvironment.terraform();
        NewUser user = new NewUser(root);
        Path workspace = Release.copyExample("terraform", root.resolve("stack"));
        // No mirror in the CLI configuration: the command names its own, as `providers lock` is used.
        user.terraformCli(Files.writeString(root.resolve("empty.tfrc"), ""));
        List<String> command = new ArrayList<>(List.of(cli.toString(), "providers", "lock", "-no-color"));
        for (String platform : Release.PLATFORMS) {
            command.add("-platform=" + platform);
        }
        try (StaticFileServer server = mirror == TerraformInstallIT.Mirror.NETWORK ? TerraformInstallIT.httpsMirror(root, user) : null) {
            command.add(mirror == TerraformInstallIT.Mirror.NETWORK
                    ? "-net-mirror=" + server.url("https")
                    : "-fs-mirror=" + Release.filesystemMirror());
            command.add(Release.SOURCE);
            ProcessResult lock = user.ok(workspace, command);
            for (String platform : Release.PLATFORMS) {
                assertTrue(lock.stdout().contains(platform), "the engine names each platform it locked: " + lock);
            }
        }
        String lockFile = Files.readString(workspace.resolve(".terraform.lock.hcl"));
        assertEquals(Release.networkMirrorH1s(), Release.h1Hashes(lockFile),
                "the lock holds exactly the h1: of each platform's package that the release lists: " + lockFile);
        assertEquals(Release.PLATFORMS.size(), Release.networkMirrorH1s().size(), "five platforms, five different packages");
    }
}

package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.Commands;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The release's Terraform files signed with a throwaway GPG key (its own GNUPGHOME, mode 0700), and
 * the static registry tree written for them by scripts/dist/terraform_registry.py, the code
 * `make dist GPG_KEY=...` runs. Works on a copy of dist/terraform, so dist/ stays unsigned.
 */
final class SignedRelease {
    private final Path gnupgHome;
    private final Path registry;
    private final String keyFingerprint;

    private SignedRelease(Path gnupgHome, Path registry, String keyFingerprint) {
        this.gnupgHome = gnupgHome;
        this.registry = registry;
        this.keyFingerprint = keyFingerprint;
    }

    static SignedRelease create(Path root) throws IOException {
        Path gnupgHome = Files.createDirectory(root.resolve("gnupg"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String key = newKey(gnupgHome, "vpssnap release <release@vpssnap.invalid>");
        Path terraform = Files.createDirectories(root.resolve("terraform"));
        try (Stream<Path> files = Files.list(Release.dist().resolve("terraform"))) {
            for (Path file : files.toList()) {
                Files.copy(file, terraform.resolve(file.getFileName()));
            }
        }
        Path registry = root.resolve("registry");
        run(gnupgHome, List.of("python3", TestEnvironment.repositoryRoot().resolve("scripts/dist/terraform_registry.py").toString(),
                "--terraform-dir", terraform.toString(), "--out", registry.toString(), "--source", Release.SOURCE,
                "--version", Release.VERSION, "--gpg-key", key, "--epoch", "1700000000"));
        return new SignedRelease(gnupgHome, registry, key);
    }

    /** The folder to serve as the root of the source address's host. */
    Path registry() {
        return registry;
    }

    /** The signing key's long id (the last 16 hex digits of its fingerprint), as the engines print it. */
    String keyId() {
        return keyFingerprint.substring(keyFingerprint.length() - 16);
    }

    /** The folder of the version's files: the zips, SHA256SUMS and its signature. */
    Path versionFiles() {
        return registry.resolve("v1/providers/" + Release.SOURCE.substring(Release.SOURCE.indexOf('/') + 1) + "/" + Release.VERSION);
    }

    Path sums() {
        return versionFiles().resolve("terraform-provider-vpssnap_" + Release.VERSION + "_SHA256SUMS");
    }

    /** Signs SHA256SUMS again with a second key that the registry does not list. */
    void resignWithAnotherKey() {
        String other = newKey(gnupgHome, "someone else <other@vpssnap.invalid>");
        run(gnupgHome, List.of("gpg", "--batch", "--yes", "--local-user", other, "--detach-sign", "--output",
                sums() + ".sig", sums().toString()));
    }

    private static String newKey(Path gnupgHome, String userId) {
        run(gnupgHome, List.of("gpg", "--batch", "--passphrase", "", "--quick-gen-key", userId, "ed25519", "sign", "never"));
        String listed = run(gnupgHome, List.of("gpg", "--batch", "--with-colons", "--list-keys", userId)).stdout();
        return listed.lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
    }

    private static ProcessResult run(Path gnupgHome, List<String> command) {
        ProcessResult result = Commands.run(command, gnupgHome.getParent(), Map.of("GNUPGHOME", gnupgHome.toString()),
                Duration.ofMinutes(2));
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + result);
        }
        return result;
    }
}

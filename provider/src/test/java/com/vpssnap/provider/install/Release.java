package com.vpssnap.provider.install;

import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.testsupport.ExampleFiles;
import com.vpssnap.provider.testsupport.TestEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files of `make dist`, by the names a release publishes them under. */
final class Release {
    static final String VERSION = PackageInfo.VERSION;
    /** Every platform a release ships a package for, as Terraform names them. */
    static final List<String> PLATFORMS = PackageInfo.PLATFORMS;
    static final String SOURCE = PackageInfo.TERRAFORM_SOURCE;
    /** The published plugin URL's stem, which tests redirect to loopback (PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES). */
    static final String PUBLISHED_URL_STEM = PackageInfo.PLUGIN_DOWNLOAD_URL.substring(0,
            PackageInfo.PLUGIN_DOWNLOAD_URL.indexOf("${VERSION}"));

    private Release() {
    }

    static Path dist() {
        return TestEnvironment.dist();
    }

    static Path filesystemMirror() {
        return dist().resolve("terraform-mirror");
    }

    static Path networkMirror() {
        return dist().resolve("terraform-network-mirror");
    }

    static Path terraformZip() {
        return terraformZip("linux_amd64");
    }

    static Path terraformZip(String platform) {
        return dist().resolve("terraform").resolve("terraform-provider-vpssnap_" + VERSION + "_" + platform + ".zip");
    }

    static Path pluginTarball() {
        return TestEnvironment.pluginTarball();
    }

    /** pulumi-resource-vpssnap-vVERSION-OS-ARCH.tar.gz, as the engine names a plugin's archive. */
    static Path pluginTarball(String platform) {
        return dist().resolve("pulumi").resolve("pulumi-resource-vpssnap-v" + VERSION + "-" + platform.replace('_', '-') + ".tar.gz");
    }

    /** Every h1: hash the network mirror's VERSION.json lists, one per platform. */
    static Set<String> networkMirrorH1s() throws IOException {
        return h1Hashes(Files.readString(networkMirror().resolve(SOURCE + "/" + VERSION + ".json")));
    }

    /** The h1: hash the network mirror's VERSION.json lists for one platform's package. */
    static String networkMirrorH1(String platform) throws IOException {
        String listing = Files.readString(networkMirror().resolve(SOURCE + "/" + VERSION + ".json"));
        Matcher m = Pattern.compile("\"" + platform + "\"\\s*:\\s*\\{[^}]*?\"(h1:[^\"]+)\"").matcher(listing);
        if (!m.find()) {
            throw new AssertionError("the network mirror lists no " + platform + " package: " + listing);
        }
        return m.group(1);
    }

    /** Every quoted h1: hash in a text (a lock file, a mirror's listing). */
    static Set<String> h1Hashes(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\"(h1:[^\"]+)\"").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static Path mavenRepository() {
        return dist().resolve("maven");
    }

    static Path npmTarball() {
        return dist().resolve("npm").resolve("vpssnap-vpssnap-" + VERSION + ".tgz");
    }

    /** The Python SDK's wheel, as an index serves it. */
    static Path pythonWheel() {
        return dist().resolve("python").resolve("pulumi_vpssnap-" + VERSION + "-py3-none-any.whl");
    }

    /** The Go SDK's module proxy tree (GOPROXY=file://...). */
    static Path goProxy() {
        return dist().resolve("go");
    }

    /** The Go SDK's module zip in that tree. */
    static Path goModuleZip() {
        return goProxy().resolve(GO_MODULE + "/@v/v" + VERSION + ".zip");
    }

    static final String GO_MODULE = "github.com/vpssnap/vpssnap/sdk/go";

    /** An example of examples/install, copied into a test's folder. */
    static Path copyExample(String name, Path target) throws IOException {
        return ExampleFiles.copy("install/" + name, target);
    }

    /** examples/install/terraform's CLI configuration for a filesystem mirror, written to {@code target}. */
    static Path filesystemMirrorConfig(Path workspace, Path mirror, Path target) throws IOException {
        return Files.writeString(target, Files.readString(workspace.resolve("filesystem-mirror.tfrc"))
                .replace("/path/to/dist/terraform-mirror", mirror.toString()));
    }

    /** examples/install/terraform's CLI configuration for a network mirror at {@code url}, written to {@code target}. */
    static Path networkMirrorConfig(Path workspace, String url, Path target) throws IOException {
        return Files.writeString(target, Files.readString(workspace.resolve("network-mirror.tfrc"))
                .replace("https://mirror.example.com/terraform-providers/", url));
    }
}

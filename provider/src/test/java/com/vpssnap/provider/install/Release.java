package com.vpssnap.provider.install;

import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.testsupport.ExampleFiles;
import com.vpssnap.provider.testsupport.TestEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of `make dist`, by the names a release publishes them under. */
final class Release {
    static final String VERSION = PackageInfo.VERSION;
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
        return dist().resolve("terraform").resolve("terraform-provider-vpssnap_" + VERSION + "_linux_amd64.zip");
    }

    static Path pluginTarball() {
        return TestEnvironment.pluginTarball();
    }

    static Path mavenRepository() {
        return dist().resolve("maven");
    }

    static Path npmTarball() {
        return dist().resolve("npm").resolve("vpssnap-vpssnap-" + VERSION + ".tgz");
    }

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

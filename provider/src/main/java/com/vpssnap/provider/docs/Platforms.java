package com.vpssnap.provider.docs;

import com.vpssnap.provider.core.PackageInfo;

import java.util.stream.Collectors;

/** The sentences every install page says of the platforms a release ships. */
final class Platforms {
    private Platforms() {
    }

    /** Which platforms exist for {@code artifact}, spelled with {@code separator} between OS and CPU. */
    static String sentence(String artifact, String separator) {
        String names = PackageInfo.PLATFORMS.stream().map(p -> "`" + p.replace("_", separator) + "`")
                .collect(Collectors.joining(", "));
        return "Platforms: " + names + " (Linux and macOS on x86-64 and ARM, Windows on x86-64): one " + artifact
                + " per platform, each with its own Java runtime. The Windows package's launcher is an .exe and starts a JVM for "
                + "every session: the warm server is not offered there yet.";
    }

    /** The -platform flags of `providers lock` for every platform. */
    static String lockFlags() {
        return PackageInfo.PLATFORMS.stream().map(p -> "-platform=" + p).collect(Collectors.joining(" "));
    }
}

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
        return "Platforms: " + names + " (Linux and macOS, on x86-64 and ARM): one " + artifact
                + " per platform, each with its own Java runtime. Windows is not shipped: the engines start a provider by executing its "
                + "file, and the launcher is a POSIX shell script.";
    }

    /** The -platform flags of `providers lock` for every platform. */
    static String lockFlags() {
        return PackageInfo.PLATFORMS.stream().map(p -> "-platform=" + p).collect(Collectors.joining(" "));
    }
}

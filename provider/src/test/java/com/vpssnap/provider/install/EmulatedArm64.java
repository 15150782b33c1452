package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.TestEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A linux_arm64 package's own Java runtime, run on this amd64 machine by qemu-aarch64-static
 * (Debian's qemu-user-static) with the arm64 C libraries of `make test`'s sysroot. The engines
 * are amd64 and exec the package's launcher as usual; the launcher is pointed at this stand-in
 * through VPSSNAP_JAVA, a Java home whose bin/java execs the package's runtime/bin/java under qemu
 * (and writes each of its command lines to a log, so a test can tell it ran).
 */
final class EmulatedArm64 {
    private final Path javaHome;
    private final Path log;

    private EmulatedArm64(Path javaHome, Path log) {
        this.javaHome = javaHome;
        this.log = log;
    }

    /** A stand-in Java home for the arm64 package unpacked at {@code packageDir}. */
    static EmulatedArm64 forPackage(Path packageDir, Path folder) throws IOException {
        Path home = Files.createDirectories(folder.resolve("arm64-java-home"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path log = folder.resolve("arm64-java.log");
        // The launcher reads the Java version from the home's release file.
        Files.copy(packageDir.resolve("runtime/release"), home.resolve("release"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "echo \"$*\" >>'" + log + "'\n"
                + "exec qemu-aarch64-static -L '" + TestEnvironment.arm64Sysroot() + "' '"
                + packageDir.resolve("runtime/bin/java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new EmulatedArm64(home, log);
    }

    /** The value of VPSSNAP_JAVA that runs the package's runtime under emulation. */
    String javaHome() {
        return javaHome.toString();
    }

    /** Every command line the arm64 java was started with, one per line. */
    String starts() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}

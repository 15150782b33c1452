package com.vpssnap.provider.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A linux_arm64 package's own Java runtime, run on this amd64 machine by qemu-aarch64-static
 * (Debian's qemu-user-static) through the package's own arm64 loader and C library (runtime/bin
 * and runtime/glibc): nothing of the host's, and no sysroot. The engines are amd64 and exec the
 * package's launcher as usual; the launcher is pointed at this stand-in through VPSSNAP_JAVA, a
 * Java home whose bin/java runs the package's loader under qemu, as the launcher itself would on an
 * arm64 machine (and writes each of its command lines to a log, so a test can tell it ran). This
 * machine has no binfmt_misc entry for arm64, so qemu is called by name.
 *
 * <p>qemu runs a Cortex-A72 (ARMv8.0): on its default CPU model, which has every later extension,
 * Java 25 took 18 s to the plugin's handshake line, against 5 s on the A72 (Java 17 took 5 s on the
 * default model), as it uses features qemu emulates slowly. A real arm64 machine runs it natively.
 */
final class EmulatedArm64 {
    /** The CPU qemu emulates (see above). */
    static final String CPU = "cortex-a72";

    private final Path javaHome;
    private final Path log;

    private EmulatedArm64(Path javaHome, Path log) {
        this.javaHome = javaHome;
        this.log = log;
    }

    /** A stand-in Java home for the arm64 package unpacked at {@code packageDir}. */
    static EmulatedArm64 forPackage(Path packageDir, Path folder) throws IOException {
        return standIn(folder, "qemu-aarch64-static", packageDir, packageDir.toString(), folder.resolve("arm64-java.log").toString());
    }

    /**
     * The same inside a jail at {@code jail} that holds the package at {@code packageInJail} and
     * qemu-aarch64-static at /qemu-aarch64-static; the stand-in is /arm64-java-home there.
     */
    static EmulatedArm64 inJail(Path jail, String packageInJail) throws IOException {
        Files.copy(Path.of("/usr/bin/qemu-aarch64-static"), jail.resolve("qemu-aarch64-static"));
        Files.setPosixFilePermissions(jail.resolve("qemu-aarch64-static"), PosixFilePermissions.fromString("rwxr-xr-x"));
        standIn(jail, "/qemu-aarch64-static", jail.resolve(packageInJail.substring(1)), packageInJail, "/arm64-java.log");
        return new EmulatedArm64(Path.of("/arm64-java-home"), jail.resolve("arm64-java.log"));
    }

    private static EmulatedArm64 standIn(Path folder, String qemu, Path packageDir, String packageAsSeen, String logAsSeen)
            throws IOException {
        Path home = Files.createDirectories(folder.resolve("arm64-java-home"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        // The launcher reads the Java version from the home's release file.
        Files.copy(packageDir.resolve("runtime/release"), home.resolve("release"));
        Path java = bin.resolve("java");
        String loader = packageAsSeen + "/runtime/bin/ld-linux-aarch64.so.1";
        Files.writeString(java, "#!/bin/sh\n"
                + "echo \"$*\" >>'" + logAsSeen + "'\n"
                + "exec '" + qemu + "' -cpu " + CPU + " '" + loader + "' --library-path '" + packageAsSeen + "/runtime/glibc' '"
                + packageAsSeen + "/runtime/bin/java' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new EmulatedArm64(home, Path.of(logAsSeen));
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

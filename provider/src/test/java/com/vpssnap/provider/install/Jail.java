package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.Commands;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder to chroot into that holds no C library: Debian's static busybox as /bin/sh, /etc/hosts,
 * /etc/passwd, /root and /tmp, the host's /proc bind-mounted and a /dev of its own (as root: CI
 * runs as root). What runs there brings its own C library or does not run. An Alpine-like jail also holds
 * musl's loader, and still nothing of glibc.
 */
final class Jail implements AutoCloseable {
    /** A name only the jail's /etc/hosts knows, for the loopback address. */
    static final String HOST_NAME = "emulator.jail.test";
    /** By its path: the stand-in sets the jail's PATH before chroot runs. */
    private static final String CHROOT = Stream.of("/usr/sbin/chroot", "/usr/bin/chroot", "/sbin/chroot")
            .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse("chroot");
    private final Path root;
    private final List<Path> mounts = new ArrayList<>();

    private Jail(Path root) {
        this.root = root;
    }

    static Jail create(Path root, boolean musl) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError("a jail needs chroot, mount and mknod: run make test as root (CI does)");
        }
        Jail jail = new Jail(root);
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.copy(TestEnvironment.jailInputs().resolve("busybox"), bin.resolve("sh"));
        Files.setPosixFilePermissions(bin.resolve("sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        if (musl) {
            Path lib = Files.createDirectories(root.resolve("lib"));
            Files.copy(TestEnvironment.jailInputs().resolve("ld-musl-x86_64.so.1"), lib.resolve("ld-musl-x86_64.so.1"));
        }
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost " + HOST_NAME + "\n");
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.createDirectories(root.resolve("root"));
        Files.setPosixFilePermissions(Files.createDirectories(root.resolve("tmp")), PosixFilePermissions.fromString("rwxrwxrwx"));
        // The host's /proc (the JDK finds its home through /proc/self/exe). /dev is the jail's own:
        // the few device nodes a JVM and a shell open, made here, so that the test's clean-up can
        // never reach the host's devices through a bind mount.
        Path proc = Files.createDirectories(root.resolve("proc"));
        run(List.of("mount", "--bind", "/proc", proc.toString()));
        jail.mounts.add(proc);
        Path dev = Files.createDirectories(root.resolve("dev"));
        for (var node : Map.of("null", "3", "zero", "5", "full", "7", "random", "8", "urandom", "9").entrySet()) {
            run(List.of("mknod", "-m", "666", dev.resolve(node.getKey()).toString(), "c", "1", node.getValue()));
        }
        return jail;
    }

    Path root() {
        return root;
    }

    /** A path as seen from inside, e.g. "/pkg", as a host path. */
    Path inside(String path) {
        return root.resolve(path.substring(1));
    }

    /** Unzips or untars a release archive into {@code folder} of the jail. */
    Path unpack(Path archive, String folder) throws IOException {
        Path target = Files.createDirectories(inside(folder));
        run(archive.toString().endsWith(".zip") ? List.of("unzip", "-q", archive.toString(), "-d", target.toString())
                : List.of("tar", "-xzf", archive.toString(), "-C", target.toString()));
        return target;
    }

    /**
     * A host-side stand-in for a plugin, in {@code folder} under {@code name}: it execs
     * {@code program} inside the jail with the engine's environment, but for HOME and the cache and
     * runtime folders, which are the jail's.
     */
    Path plugin(Path folder, String name, String program) throws IOException {
        Files.createDirectories(folder);
        Path wrapper = folder.resolve(name);
        Files.writeString(wrapper, "#!/bin/sh\nexec env -u XDG_RUNTIME_DIR -u XDG_CACHE_HOME -u VPSSNAP_CACHE_DIR HOME=/root TMPDIR=/tmp PATH=/bin "
                + "'" + CHROOT + "' '" + root + "' '" + program + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper;
    }

    /** Every C library or loader in the jail outside {@code allowed} folders (and /proc). */
    List<String> cLibrariesOutside(List<String> allowed) throws IOException {
        List<String> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean skipped = mounts.contains(dir) || allowed.stream().anyMatch(a -> dir.equals(inside(a)));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (name.startsWith("libc.so") || name.startsWith("ld-linux") || name.startsWith("ld-musl")) {
                    found.add(name);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** Unmounts /proc: it must be gone before the test's folder is deleted. */
    @Override
    public void close() {
        for (Path mount : mounts) {
            run(List.of("umount", "-l", mount.toString()));
        }
    }

    private static void run(List<String> command) {
        ProcessResult result = Commands.run(command, Path.of("/"), Map.of(), Duration.ofMinutes(2));
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + result);
        }
    }
}

package com.vpssnap.provider.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Unix user of this machine, made for the tests that need a second person on it (useradd;
 * CI runs as root, as these tests must). A system user with no login shell and no home of its own:
 * the test gives it folders. Made once, kept for later runs.
 */
public final class UnixUser {
    public final String name;
    public final int uid;
    public final int gid;

    private UnixUser(String name, int uid, int gid) {
        this.name = name;
        this.uid = uid;
        this.gid = gid;
    }

    public static synchronized UnixUser named(String name) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError("this test makes and becomes other Unix users: run make test as root (CI does), "
                    + "or with sudo");
        }
        if (Commands.run(List.of("id", "-u", name), Path.of("/"), Map.of(), Duration.ofSeconds(30)).exitCode() != 0) {
            ProcessResult made = Commands.run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                    "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name), Path.of("/"), Map.of(), Duration.ofSeconds(60));
            if (made.exitCode() != 0 && !made.combined().contains("already exists")) {
                throw new AssertionError("useradd " + name + ": " + made);
            }
        }
        return new UnixUser(name, id(name, "-u"), id(name, "-g"));
    }

    private static int id(String name, String which) {
        ProcessResult id = Commands.run(List.of("id", which, name), Path.of("/"), Map.of(), Duration.ofSeconds(30));
        if (id.exitCode() != 0) {
            throw new AssertionError("id " + which + " " + name + ": " + id);
        }
        return Integer.parseInt(id.stdout().trim());
    }

    /** A folder of this user's (mode 0700), made below {@code parent}. */
    public Path folder(Path parent, String name, String mode) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        chown(folder);
        chmod(folder, mode);
        return folder;
    }

    public void chown(Path path) {
        check(Commands.run(List.of("chown", "-R", uid + ":" + gid, path.toString()), Path.of("/"), Map.of(), Duration.ofSeconds(60)));
    }

    public static void chmod(Path path, String mode) {
        check(Commands.run(List.of("chmod", mode, path.toString()), Path.of("/"), Map.of(), Duration.ofSeconds(30)));
    }

    /** {@code command} as this user, with no supplementary group and exactly {@code env}. */
    public List<String> as(List<String> command) {
        List<String> as = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        as.addAll(command);
        return as;
    }

    public ProcessResult run(List<String> command, Path dir, Map<String, String> env, Duration timeout) {
        return Commands.run(as(command), dir, env, timeout, true);
    }

    /** Starts {@code command} as this user; its output goes to {@code log}. */
    public Process start(List<String> command, Path dir, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(as(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void check(ProcessResult result) {
        if (result.exitCode() != 0) {
            throw new AssertionError(result.toString());
        }
    }
}

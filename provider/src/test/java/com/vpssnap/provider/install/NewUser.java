package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.Commands;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TestEnvironment;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new user's machine, as far as a process can tell: a throwaway HOME, no JAVA_HOME, and a PATH
 * that holds every program of this machine's PATH except a JDK's (a folder of links, since
 * /usr/bin holds java beside sh and tar). Commands run with this environment only, nothing inherited.
 */
final class NewUser {
    /** The programs of a JDK's bin/ folder: none of them is on a new user's PATH. */
    private static final Set<String> JDK_PROGRAMS = Set.of("java", "javac", "jar", "jarsigner", "javadoc", "javap",
            "jshell", "jlink", "jdeps", "jmod", "jpackage", "jcmd", "jps", "jstack", "jmap", "jinfo", "jstat",
            "jstatd", "jconsole", "jdb", "jhsdb", "jfr", "jrunscript", "jimage", "jdeprscan", "keytool", "rmiregistry",
            "serialver", "mvn", "mvnDebug");
    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    NewUser(Path root) throws IOException {
        this.home = Files.createDirectories(root.resolve("home"));
        Path bin = Files.createDirectories(root.resolve("path"));
        Set<String> linked = new LinkedHashSet<>();
        for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
            File[] programs = new File(folder).listFiles();
            if (programs == null) {
                continue;
            }
            for (File program : programs) {
                String name = program.getName();
                if (!JDK_PROGRAMS.contains(name) && program.canExecute() && !program.isDirectory() && linked.add(name)) {
                    Files.createSymbolicLink(bin.resolve(name), program.toPath().toAbsolutePath());
                }
            }
        }
        env.put("HOME", home.toString());
        env.put("PATH", bin.toString());
        env.put("LANG", "C.UTF-8");
        env.put("TMPDIR", Files.createDirectories(root.resolve("tmp")).toString());
        // A new user's launchers use the warm server (on by default outside CI; XDG's runtime folder is
        // unset, so it lives in this HOME's cache). It goes 30 s after the test's last session.
        env.put("VPSSNAP_SERVER_IDLE", "30");
    }

    Path home() {
        return home;
    }

    /** Where the launcher keeps its class-data archives for this user (XDG's default cache). */
    Path vpssnapCache() {
        return home.resolve(".cache").resolve("vpssnap");
    }

    NewUser env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** tofu or terraform, installing providers as {@code cliConfig} says, never asking or phoning home. */
    NewUser terraformCli(Path cliConfig) {
        return env("TF_CLI_CONFIG_FILE", cliConfig.toString()).env("TF_IN_AUTOMATION", "1").env("TF_INPUT", "0")
                .env("CHECKPOINT_DISABLE", "1");
    }

    /** pulumi and its language hosts first on PATH, a file backend and PULUMI_HOME under {@code root}. */
    NewUser pulumiCli(Path root) throws IOException {
        return env("PATH", TestEnvironment.pulumi().getParent() + File.pathSeparator + env.get("PATH"))
                .env("PULUMI_HOME", Files.createDirectories(root.resolve("pulumi-home")).toString())
                .env("PULUMI_BACKEND_URL", "file://" + Files.createDirectories(root.resolve("state")))
                .env("PULUMI_CONFIG_PASSPHRASE", PulumiCli.PASSPHRASE)
                .env("PULUMI_SKIP_UPDATE_CHECK", "true")
                .env("PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK", "true");
    }

    /** A copy of this user's environment, for a command that needs one more variable. */
    Map<String, String> environment() {
        return new HashMap<>(env);
    }

    ProcessResult run(Path dir, List<String> command) {
        return run(dir, command, Map.of());
    }

    ProcessResult run(Path dir, List<String> command, Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extra);
        return Commands.run(command, dir, all, Duration.ofMinutes(6), true);
    }

    ProcessResult ok(Path dir, List<String> command) {
        return ok(dir, command, Map.of());
    }

    ProcessResult ok(Path dir, List<String> command, Map<String, String> extra) {
        ProcessResult result = run(dir, command, extra);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + result);
        }
        return result;
    }
}

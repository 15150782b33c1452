package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.Commands;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The released plugin tarball unpacked as `pulumi plugin install` unpacks it, started as the engine starts it. */
final class UnpackedPlugin {
    private final Path dir;

    private UnpackedPlugin(Path dir) {
        this.dir = dir;
    }

    static UnpackedPlugin unpack(Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        var result = Commands.run(List.of("tar", "-xzf", Release.pluginTarball().toString(), "-C", dir.toString()),
                dir, Map.of(), Duration.ofMinutes(2));
        if (result.exitCode() != 0) {
            throw new AssertionError("tar failed: " + result);
        }
        return new UnpackedPlugin(dir);
    }

    Path dir() {
        return dir;
    }

    Path launcher() {
        return dir.resolve("pulumi-resource-vpssnap");
    }

    /** The first line the plugin prints on stdout (the port, or a failure), in the user's environment. */
    String firstLine(NewUser user, Map<String, String> extra) throws Exception {
        return firstLine(user, extra, List.of());
    }

    /** The same, with the launcher run by {@code shell} (e.g. busybox sh) instead of its #! line. */
    String firstLine(NewUser user, Map<String, String> extra, List<String> shell) throws Exception {
        List<String> command = new java.util.ArrayList<>(shell);
        command.add(launcher().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        Map<String, String> env = new HashMap<>(user.environment());
        env.putAll(extra);
        builder.environment().putAll(env);
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            return line == null ? "(nothing; exit " + process.waitFor() + ")" : line;
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

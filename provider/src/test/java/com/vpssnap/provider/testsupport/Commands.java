package com.vpssnap.provider.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command with a bounded wait, capturing both streams. */
public final class Commands {
    private Commands() {
    }

    public static ProcessResult run(List<String> command, Path workDir, Map<String, String> env, Duration timeout) {
        return run(command, workDir, env, timeout, false);
    }

    /** With {@code isolated}, the command sees only {@code env}, nothing of this JVM's environment. */
    public static ProcessResult run(List<String> command, Path workDir, Map<String, String> env, Duration timeout,
                                    boolean isolated) {
        try {
            Path out = Files.createTempFile("cmd-out", ".txt");
            Path err = Files.createTempFile("cmd-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (isolated) {
                pb.environment().clear();
            }
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "\n--- stdout\n" + Files.readString(out) + "\n--- stderr\n" + Files.readString(err));
            }
            ProcessResult result = new ProcessResult(p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}

package com.vpssnap.provider.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An installed plugin launcher run as its engine runs it. The first stdout line is kept as the
 * handshake; any further stdout is collected so tests can prove there is none.
 */
public final class PluginProcess implements AutoCloseable {
    private final Process process;
    private final String handshake;
    private final CompletableFuture<String> restOfStdout;
    private final Path stderr;

    private PluginProcess(Process process, String handshake, CompletableFuture<String> restOfStdout, Path stderr) {
        this.process = process;
        this.handshake = handshake;
        this.restOfStdout = restOfStdout;
        this.stderr = stderr;
    }

    public static PluginProcess start(String launcher, List<String> args, Map<String, String> env) throws IOException {
        Path stderr = Files.createTempFile("plugin-stderr", ".txt");
        List<String> command = new java.util.ArrayList<>();
        command.add(TestEnvironment.binDir().resolve(launcher).toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        pb.environment().putAll(env);
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> readLine(out));
        String handshake;
        try {
            handshake = first.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("no handshake line from " + launcher + "; stderr:\n" + Files.readString(stderr), e);
        }
        if (handshake == null) {
            throw new AssertionError(launcher + " closed stdout without a handshake; stderr:\n" + Files.readString(stderr));
        }
        CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readAll(out));
        return new PluginProcess(process, handshake, rest, stderr);
    }

    public String handshake() {
        return handshake;
    }

    public Process process() {
        return process;
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** Waits for exit and returns whatever was printed after the handshake line. */
    public String stdoutAfterHandshake() throws Exception {
        return restOfStdout.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(stderr);
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static String readAll(BufferedReader in) {
        StringBuilder rest = new StringBuilder();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                rest.append(line).append('\n');
            }
        } catch (IOException e) {
            // stream closed with the process
        }
        return rest.toString();
    }
}

package com.vpssnap.provider.server;

import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.testsupport.Commands;
import com.vpssnap.provider.testsupport.TestEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One test's private XDG runtime folder, where the launchers find (and start) the warm server:
 * its endpoint file, its log, and the server process it names.
 */
final class ServerFolder implements AutoCloseable {
    private final Path runtime;
    private final Path dir;
    private final Map<String, String> env = new HashMap<>();

    private ServerFolder(Path runtime, Path dir) {
        this.runtime = runtime;
        this.dir = dir;
    }

    /** Another user's server folder (~/.cache/vpssnap/server), read from outside: its files and its server. */
    static ServerFolder at(Path dir) {
        return new ServerFolder(dir, dir);
    }

    ServerFolder(Path root, int idleSeconds) throws IOException {
        this.runtime = Files.createDirectories(root.resolve("xdg-runtime"));
        this.dir = runtime.resolve("vpssnap");
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("VPSSNAP_SERVER", "on");
        env.put("VPSSNAP_SERVER_IDLE", Integer.toString(idleSeconds));
        // Each launch goes to the server, not to a class-data trainer beside it.
        env.put("VPSSNAP_CDS_TRAINING", "off");
    }

    /** What an engine's environment needs so that its launchers use this folder's server. */
    Map<String, String> env() {
        return Map.copyOf(env);
    }

    Path dir() {
        return dir;
    }

    /** Starts the server as a first launcher does (it then runs cold) and waits for its endpoint file. */
    Endpoint start() throws Exception {
        Map<String, String> launch = new HashMap<>(env);
        launch.put("TF_PLUGIN_MAGIC_COOKIE", "not-an-engine");
        Commands.run(List.of(TestEnvironment.binDir().resolve("terraform-provider-vpssnap").toString()),
                runtime, launch, Duration.ofSeconds(60));
        return awaitEndpoint(Duration.ofSeconds(30), -1);
    }

    /** Waits for an endpoint file naming a server other than {@code notPid} (-1: any). */
    Endpoint awaitEndpoint(Duration wait, long notPid) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Endpoint> endpoint = endpoint();
            if (endpoint.isPresent() && endpoint.get().pid() != notPid) {
                return endpoint.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no server wrote its endpoint file in " + dir() + " within " + wait + "; log:\n" + log());
    }

    Optional<Endpoint> endpoint() throws IOException {
        Optional<Path> file = endpointFile();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String[] fields;
        try {
            fields = Files.readString(file.get()).trim().split(" ");
        } catch (IOException gone) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(file.get(), fields[0], fields[1], Long.parseLong(fields[2])));
    }

    Optional<Path> endpointFile() throws IOException {
        if (!Files.isDirectory(dir())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir())) {
            // This package's file only (a test may start a server of another version beside it).
            return files.filter(f -> f.getFileName().toString().startsWith("server-" + PackageInfo.VERSION + "-")
                    && f.toString().endsWith(".endpoint")).findFirst();
        }
    }

    /** Every server log of the folder (one per package key), joined. */
    String log() throws IOException {
        if (!Files.isDirectory(dir())) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir())) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    long count(Pattern line) throws IOException {
        return line.matcher(log()).results().count();
    }

    /** Waits until the log holds {@code count} lines matching {@code line}. */
    String awaitLog(Pattern line, long count, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(line) >= count) {
                return log();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server log has not " + count + " lines like " + line + " within " + wait + ":\n" + log());
    }

    /** Kills every server process this folder's files name. */
    @Override
    public void close() throws IOException {
        endpoint().flatMap(e -> ProcessHandle.of(e.pid())).ifPresent(ProcessHandle::destroyForcibly);
        for (long pid : Pattern.compile("\\(pid (\\d+)\\)").matcher(log()).results().map(m -> Long.parseLong(m.group(1))).toList()) {
            ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").contains("java")).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** What an endpoint file says: the server's socket (a name in the same folder), its secret (hex) and pid. */
    record Endpoint(Path file, String socketName, String secret, long pid) {
        Path socket() {
            return file.resolveSibling(socketName);
        }

        byte[] secretBytes() {
            return java.util.HexFormat.of().parseHex(secret);
        }

        ProcessHandle process() {
            return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("the server " + pid + " is not running"));
        }
    }
}

package com.vpssnap.provider.server;

import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;
import com.vpssnap.provider.testsupport.TofuCli;
import com.vpssnap.provider.testsupport.UnixUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm server on a machine shared with a stranger: real Unix users made by the test, the
 * victim's plans run through the real tofu as that user, with the server folder on disk
 * (~/.cache/vpssnap/server, no XDG runtime folder) as on a jump host or a build box. Nothing the
 * server leaves behind, alive or dead, can be taken, planted or flooded into a session's secrets.
 */
class ServerTrustIT {
    private static final Pattern OPENED = Pattern.compile("session \\d+ \\(terraform\\) opened");
    private static final String TOKEN = "victim-token-" + UUID.randomUUID();
    /** The system's Python, which every user may run (root's PATH may lead to a private one, as pyenv's). */
    private static final String PYTHON = "/usr/bin/python3";

    private UnixUser victim;
    private UnixUser stranger;
    private EmulatorFixture cloud;
    private Path root;
    private Path home;
    private Path workspace;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void setUp(@TempDir Path temp) throws IOException {
        victim = UnixUser.named("vpssnap-victim");
        stranger = UnixUser.named("vpssnap-stranger");
        root = temp;
        UnixUser.chmod(root, "0755"); // both users may pass through the test's folder, as through /home
        // A home as Debian makes it (0755), with the caches a user's other programs made (0755): only
        // the server's own folder is private.
        home = victim.folder(root, "victim-home", "0755");
        victim.folder(home, ".cache", "0755");
        victim.folder(home.resolve(".cache"), "vpssnap", "0755");
        workspace = victim.folder(root, "victim-plan", "0700");
        cloud = EmulatorFixture.start(com.vpssnap.emulator.EmulatorOptions.defaults().port(0)
                .token("locaweb", TOKEN).createMs(200).deleteMs(200));
        Files.writeString(workspace.resolve("cli.tfrc"), "provider_installation {\n  dev_overrides {\n    \""
                + TofuCli.SOURCE + "\" = \"" + TestEnvironment.binDir() + "\"\n  }\n  direct {}\n}\n");
        Files.writeString(workspace.resolve("main.tf"), "terraform {\n  required_providers {\n    vpssnap = { source = \""
                + TofuCli.SOURCE + "\" }\n  }\n}\nprovider \"vpssnap\" {\n  locaweb_endpoint = \"" + cloud.locawebEndpoint()
                + "\"\n}\ndata \"vpssnap_locaweb_snapshots\" \"all\" {\n  server = \"cpro0299\"\n}\n");
        victim.chown(workspace);
        for (String script : List.of("listener.py", "flood.py", "reach.py")) {
            try (InputStream in = ServerTrustIT.class.getResourceAsStream("/server/" + script)) {
                Files.write(root.resolve(script), in.readAllBytes());
            }
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        server().close();
        cloud.close();
    }

    @Test
    void aDeadServersPlaceCannotBeTakenAndAStrangersListenerGetsNotOneByte() throws Exception {
        ServerFolder.Endpoint first = startServer(Map.of());
        assertServedWarm(Map.of());

        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, its files stay
        first.process().onExit().get(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(first.file()) && Files.exists(first.socket()), "a killed server leaves its files");
        // The stranger, who can pass through the victim's home and caches, reaches nothing of the server's.
        ProcessResult reach = stranger.run(List.of(PYTHON, root.resolve("reach.py").toString(), first.socket().toString(),
                first.file().toString()), root, Map.of(), Duration.ofSeconds(60));
        assertEquals("list:EACCES connect:EACCES bind:EACCES read:EACCES", reach.stdout().trim(), reach.toString());

        // The strongest squatter there is: a process of another uid (root, who can write in the
        // folder) listening at the socket an endpoint names, with a live process of the victim's as its pid.
        Process victimsOwn = victim.start(List.of("sleep", "600"), root, Map.of(), root.resolve("sleep.log"));
        started.add(victimsOwn);
        Path impostorSocket = server().dir().resolve("server-" + victimsOwn.pid() + ".sock");
        Path counts = root.resolve("impostor.counts");
        started.add(startListener(List.of(), impostorSocket, counts));
        Files.writeString(first.file(), impostorSocket.getFileName() + " " + "ab".repeat(32) + " " + victimsOwn.pid() + "\n");

        ProcessResult plan = plan(Map.of("VPSSNAP_LAUNCHER_DEBUG", "1"));
        assertEquals(0, plan.exitCode(), "the plan runs cold: " + plan);
        assertTrue(plan.stderr().contains("the listener is uid 0's"), "the helper named the stranger's uid: " + plan);
        Files.createFile(Path.of(counts + ".stop"));
        String[] connectionsAndBytes = awaitCounts(counts).split(" ");
        assertTrue(Integer.parseInt(connectionsAndBytes[0]) >= 1, "the helper did connect to the impostor");
        assertEquals("0", connectionsAndBytes[1], "and sent it 0 bytes");
        ServerFolder.Endpoint second = server().awaitEndpoint(Duration.ofSeconds(60), victimsOwn.pid());
        assertNotEquals(first.pid(), second.pid());
        assertServedWarm(Map.of());
    }

    @Test
    void anEndpointPlantedWhereAStrangerCanWriteIsNeverUsed() throws Exception {
        String key = startServer(Map.of()).file().getFileName().toString(); // the key, as `ps` shows it to anyone
        // The stranger's own runtime folder, writable by all, with an endpoint, a secret it chose and a listener.
        Path shared = stranger.folder(root, "shared-runtime", "0777");
        Path planted = stranger.folder(shared, "vpssnap", "0777");
        Path counts = stranger.folder(root, "stranger-notes", "0755").resolve("counts");
        Path socket = planted.resolve("server-1.sock");
        started.add(startListener(stranger.as(List.of()), socket, counts));
        Files.writeString(planted.resolve(key), "server-1.sock " + "cd".repeat(32) + " 1\n");
        stranger.chown(planted);
        ProcessResult plan = plan(Map.of("XDG_RUNTIME_DIR", shared.toString(), "VPSSNAP_LAUNCHER_DEBUG", "1"));
        assertEquals(0, plan.exitCode(), plan.toString());
        assertTrue(plan.stderr().contains("is not this user's alone"), plan.toString());

        // The victim's own private folder, below a folder the stranger owns and anyone can write.
        Path open = stranger.folder(root, "open-runtime", "0777");
        Path own = victim.folder(open, "vpssnap", "0700");
        ProcessResult below = plan(Map.of("XDG_RUNTIME_DIR", open.toString(), "VPSSNAP_LAUNCHER_DEBUG", "1"));
        assertEquals(0, below.exitCode(), below.toString());
        assertTrue(below.stderr().contains("belongs to uid " + stranger.uid), below.toString());
        try (var files = Files.list(own)) {
            assertEquals(List.of(), files.toList(), "no server was started there");
        }
        Files.createFile(Path.of(counts + ".stop"));
        assertEquals("0 0", awaitCounts(counts), "the planted endpoint was never connected to, and got 0 bytes");
    }

    @Test
    void aFloodOfUnprovenConnectionsCostsNoThreadAndTheServerServesOn() throws Exception {
        ServerFolder.Endpoint server = startServer(Map.of());
        assertServedWarm(Map.of());
        int threadsBefore = threads(server.pid());
        long logBefore = server().log().length();
        // 500 in all: 250 of another uid (root's: closed at once, unread) and 250 of the victim's own,
        // half junk that closes, half slow handshakes that never finish.
        Process foreign = startFlood(List.of(), server.socket(), 250, "mixed", root.resolve("flood-root.log"));
        Process own = startFlood(victim.as(List.of()), server.socket(), 250, "mixed", root.resolve("flood-victim.log"));
        int most = threadsBefore;
        while (!burstDone(root.resolve("flood-root.log")) || !burstDone(root.resolve("flood-victim.log"))) {
            most = Math.max(most, threads(server.pid()));
            assertTrue(foreign.isAlive() || burstDone(root.resolve("flood-root.log")), Files.readString(root.resolve("flood-root.log")));
            assertTrue(own.isAlive() || burstDone(root.resolve("flood-victim.log")), Files.readString(root.resolve("flood-victim.log")));
            Thread.sleep(20);
        }
        for (int i = 0; i < 20; i++) {
            most = Math.max(most, threads(server.pid()));
            Thread.sleep(50);
        }
        // No thread per connection (the old server made one each: 19 to 363 for 380); the constant
        // allows for the JVM's own compiler threads, which it adds under load.
        assertTrue(most <= threadsBefore + 4, "threads during the flood: " + threadsBefore + " before, at most " + most);
        assertServedWarm(Map.of()); // while the slow ones still hold on
        assertTrue(foreign.waitFor(120, TimeUnit.SECONDS) && own.waitFor(120, TimeUnit.SECONDS), "the floods end");
        assertTrue(server.process().isAlive(), "the server survived the flood");
        // Every one of the 500 is counted, in a few aggregated lines (one per 10 s at most).
        assertTrue(Files.readString(root.resolve("flood-root.log")).contains("failed 0")
                && Files.readString(root.resolve("flood-victim.log")).contains("failed 0"), "every flood connection was accepted");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (refusedInAll(server().log()) < 500 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        String log = server().log();
        assertEquals(500, refusedInAll(log), log);
        long grown = log.length() - logBefore;
        assertTrue(grown < 4096, "the log grew by " + grown + " bytes for 500 junk connections:\n" + log);
        System.out.println("ServerTrustIT flood: server threads " + threadsBefore + " before, at most " + most
                + " during 500 unproven connections; the log grew by " + grown + " bytes");
        assertTrue(log.contains("of another user"), log);
        assertTrue(log.contains("did not finish the handshake in time") || log.contains("dropped at the cap"), log);
    }

    private static int refusedInAll(String log) {
        return Pattern.compile("refused (\\d+) connections? since the last such line").matcher(log).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).sum();
    }

    @Test
    void anIdleServerExitsOnTimeWhileAFloodGoesOn() throws Exception {
        ServerFolder.Endpoint server = startServer(Map.of("VPSSNAP_SERVER_IDLE", "5"));
        // A new slow connection of the victim's own every 50 ms, none of them a session. Bounded at 6000
        // (5 minutes), well past the 2 minutes the server is given to exit: the flood outlasts any wait below.
        Process flood = startFlood(victim.as(List.of()), server.socket(), 6000, "sustained", root.resolve("flood.log"), 300);
        server.process().onExit().get(120, TimeUnit.SECONDS);
        assertTrue(flood.isAlive(), "the flood was still going when the server exited: " + Files.readString(root.resolve("flood.log")));
        assertFalse(Files.exists(server.file()), "the endpoint file went with it");
        assertFalse(Files.exists(server.socket()), "and its socket");
        String log = server().log();
        int refused = log.indexOf("since the last such line");
        int exit = log.indexOf("no session for 5 s: exiting");
        assertTrue(refused >= 0 && exit > refused, "the flood was counted, then the server exited on time:\n" + log);
    }

    /**
     * The victim's plan, its token in its environment. The result's stderr ends with tofu's debug log,
     * where the plugin's stderr (the launcher's and the helper's words) goes.
     */
    private ProcessResult plan(Map<String, String> extra) throws IOException {
        Path tofuLog = workspace.resolve("tofu.log");
        Files.deleteIfExists(tofuLog);
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("TF_CLI_CONFIG_FILE", workspace.resolve("cli.tfrc").toString());
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_INPUT", "0");
        env.put("CHECKPOINT_DISABLE", "1");
        env.put("VPSSNAP_SERVER", "on");
        env.put("VPSSNAP_SERVER_IDLE", "120");
        env.put("VPSSNAP_CDS_TRAINING", "off");
        env.put("VPSSNAP_LOCAWEB_TOKEN", TOKEN);
        env.put("TF_LOG", "DEBUG");
        env.put("TF_LOG_PATH", tofuLog.toString());
        env.putAll(extra);
        ProcessResult plan = victim.run(List.of(TestEnvironment.tofu().toString(), "plan", "-no-color"), workspace, env, Duration.ofMinutes(4));
        String log = Files.exists(tofuLog) ? Files.readString(tofuLog) : "";
        return new ProcessResult(plan.exitCode(), plan.stdout(), plan.stderr() + "\n--- tofu's log\n" + log);
    }

    /** The first plan runs cold and starts the victim's server. */
    private ServerFolder.Endpoint startServer(Map<String, String> extra) throws Exception {
        ProcessResult plan = plan(extra);
        assertEquals(0, plan.exitCode(), plan.toString());
        return server().awaitEndpoint(Duration.ofSeconds(60), -1);
    }

    private void assertServedWarm(Map<String, String> extra) throws Exception {
        long opened = server().count(OPENED);
        ProcessResult plan = plan(extra);
        assertEquals(0, plan.exitCode(), plan.toString());
        assertTrue(server().count(OPENED) > opened, "the plan was served by the victim's server:\n" + server().log());
        assertFalse(server().log().contains(TOKEN), "the server's log holds no token");
    }

    private ServerFolder server() {
        return ServerFolder.at(home.resolve(".cache/vpssnap/server"));
    }

    private Process startListener(List<String> as, Path socket, Path counts) throws Exception {
        List<String> command = new ArrayList<>(as);
        command.addAll(List.of(PYTHON, root.resolve("listener.py").toString(), socket.toString(), counts.toString(), "300"));
        Process listener = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(root.resolve(counts.getFileName() + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(Path.of(counts + ".ready")) && System.nanoTime() < deadline) {
            assertTrue(listener.isAlive(), "the listener runs: " + Files.readString(root.resolve(counts.getFileName() + ".log")));
            Thread.sleep(20);
        }
        return listener;
    }

    private static String awaitCounts(Path counts) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(counts)) {
                String said = Files.readString(counts).trim();
                if (!said.isEmpty()) {
                    Thread.sleep(300); // one more round of its loop after .stop
                    return Files.readString(counts).trim();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no counts in " + counts);
    }

    private Process startFlood(List<String> as, Path socket, int count, String mode, Path log) throws IOException {
        return startFlood(as, socket, count, mode, log, 90);
    }

    private Process startFlood(List<String> as, Path socket, int count, String mode, Path log, int seconds) throws IOException {
        List<String> command = new ArrayList<>(as);
        command.addAll(List.of(PYTHON, root.resolve("flood.py").toString(), socket.toString(), Integer.toString(count), mode,
                Integer.toString(seconds)));
        Process flood = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(flood);
        return flood;
    }

    private static boolean burstDone(Path log) throws IOException {
        return Files.exists(log) && Files.readString(log).contains("burst");
    }

    private static int threads(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        throw new AssertionError("no thread count for " + pid);
    }

}

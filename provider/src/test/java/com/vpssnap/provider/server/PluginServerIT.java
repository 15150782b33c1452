package com.vpssnap.provider.server;

import com.vpssnap.emulator.EmulatorOptions;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.vpssnap.provider.testsupport.Commands;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TestEnvironment;
import com.vpssnap.provider.testsupport.TofuCli;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.ResourceProviderGrpc;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm plugin server (VPSSNAP_SERVER=on) with the real engines: sessions of concurrent
 * commands never see each other, every stop of an engine stops its session, a dead, hung, stale
 * or foreign server costs a cold start and nothing else, and only the same user may hand it a
 * session. Each test has its own XDG runtime folder, so its own server.
 */
class PluginServerIT {
    private static final Pattern OPENED = Pattern.compile("session \\d+ \\((terraform|pulumi)\\) opened");
    private static final Pattern ENDED_CLEAN = Pattern.compile("session \\d+ \\((terraform|pulumi)\\) ended, ([^;]+); "
            + "calls in flight at the stop: \\d+, 2 s later: 0");

    @Test
    void concurrentSessionsSeeOnlyTheirOwnCloudTokensAndLogs(@TempDir Path root) throws Exception {
        List<String> servers = List.of("cpro0299", "cpro0300", "cpro0301");
        List<EmulatorFixture> clouds = new ArrayList<>();
        try (ServerFolder folder = new ServerFolder(root, 120)) {
            for (int i = 0; i < 3; i++) {
                clouds.add(EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(300).deleteMs(200)
                        .revertMs(200).restoreMs(200).token("locaweb", "lw-token-" + i)));
            }
            ServerFolder.Endpoint server = folder.start();
            TofuCli first = tofu(root.resolve("tofu-0"), folder, clouds.get(0), "lw-token-0", servers.get(0));
            TofuCli second = tofu(root.resolve("tofu-1"), folder, clouds.get(1), "lw-token-1", servers.get(1));
            PulumiCli third = pulumi(root.resolve("pulumi-2"), folder, clouds.get(2), "lw-token-2", servers.get(2));

            CompletableFuture<ProcessResult> a = CompletableFuture.supplyAsync(() -> first.run("apply", "-auto-approve"));
            CompletableFuture<ProcessResult> b = CompletableFuture.supplyAsync(() -> second.run("apply", "-auto-approve"));
            CompletableFuture<ProcessResult> c = CompletableFuture.supplyAsync(() ->
                    third.run("up", "--yes", "--skip-preview", "--logtostderr", "-v=5"));
            List<ProcessResult> results = List.of(a.get(6, TimeUnit.MINUTES), b.get(6, TimeUnit.MINUTES), c.get(6, TimeUnit.MINUTES));
            for (ProcessResult result : results) {
                assertEquals(0, result.exitCode(), result.toString());
            }
            List<String> logs = List.of(Files.readString(first.dir().resolve("tofu.log")),
                    Files.readString(second.dir().resolve("tofu.log")), results.get(2).combined());
            List<String> states = List.of(Files.readString(first.dir().resolve("terraform.tfstate")),
                    Files.readString(second.dir().resolve("terraform.tfstate")), third.exportedState());
            for (int i = 0; i < 3; i++) {
                assertEquals(2, clouds.get(i).locawebSnapshots(servers.get(i)).size(), "session " + i + " made its snapshots in its own cloud");
                assertTrue(clouds.get(i).requests().size() > 0, "cloud " + i + " was called");
                for (var request : clouds.get(i).requests()) {
                    assertNotEquals(401, request.path("status").asInt(), "cloud " + i + " saw only its own token: " + request);
                    assertTrue(request.path("path").asText().contains(servers.get(i)) || !request.path("path").asText().contains("cpro"),
                            "cloud " + i + " was asked about its own server only: " + request);
                }
                assertTrue(logs.get(i).contains("vpssnap fine ApiHttp: POST /v1/cloud/servers/" + servers.get(i) + "/snapshots"),
                        "session " + i + "'s engine log holds its own plugin lines");
                for (int other = 0; other < 3; other++) {
                    if (other != i) {
                        assertFalse(logs.get(i).contains(servers.get(other)), "session " + i + "'s log names no other session's server");
                        assertFalse(logs.get(i).contains("lw-token-" + other), "session " + i + "'s log holds no other token");
                        assertFalse(states.get(i).contains("lw-token-" + other), "session " + i + "'s state holds no other token");
                        assertFalse(states.get(i).contains(clouds.get(other).url()), "session " + i + "'s state names no other cloud");
                    }
                }
            }
            assertEquals(server.pid(), folder.endpoint().orElseThrow().pid(), "one server served every session");
            assertTrue(server.process().isAlive());
            long opened = folder.count(OPENED);
            assertTrue(opened >= 5, "the three commands' sessions went to the server (tofu opens two per apply, pulumi one): "
                    + opened + "\n" + folder.log());
            assertFalse(folder.log().contains("lw-token-"), "the server's own log holds no token");
            // The tofu sessions ended by go-plugin's Shutdown (every command's normal end), pulumi's by its
            // plugin process's end; each with nothing left running.
            String log = folder.log();
            assertTrue(Pattern.compile("session \\d+ \\(terraform\\) ended, go-plugin's Shutdown; calls in flight at the stop: \\d+, 2 s later: 0")
                    .matcher(log).find(), log);
            assertTrue(Pattern.compile("session \\d+ \\(pulumi\\) ended, its launcher is gone .*2 s later: 0").matcher(log).find(), log);

            first.ok("destroy", "-auto-approve");
            second.ok("destroy", "-auto-approve");
            third.ok("destroy", "--yes", "--skip-preview");
        } finally {
            clouds.forEach(EmulatorFixture::close);
        }
    }

    @Test
    void killingTheEngineEndsItsSessionAndItsRequests(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = slowCloud(); ServerFolder folder = new ServerFolder(root, 120)) {
            folder.start();
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            Path output = root.resolve("apply.log");
            // SIGKILL: tofu cannot stop its plugin; the session's helper sees its engine gone.
            String log = stopDuringTheFirstCreate(cloud, folder, tofu.start(output, "apply", "-auto-approve"), output, "KILL");
            assertTrue(log.contains("its launcher is gone"), log);
        }
    }

    @Test
    void ctrlCStopsTheCreateAndShutdownEndsTheSession(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = slowCloud(); ServerFolder folder = new ServerFolder(root, 120)) {
            folder.start();
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            Path output = root.resolve("apply.log");
            String log = stopDuringTheFirstCreate(cloud, folder, tofu.start(output, "apply", "-auto-approve"), output, "INT");
            assertTrue(log.contains("go-plugin's Shutdown") || log.contains("its launcher is gone"), log);
        }
    }

    @Test
    void pulumiCancelEndsTheSession(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = slowCloud(); ServerFolder folder = new ServerFolder(root, 120)) {
            folder.start();
            PulumiCli pulumi = pulumi(root.resolve("pulumi"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            Path output = root.resolve("up.log");
            // Ctrl-C: the engine sends Cancel to its plugins, then ends them.
            stopDuringTheFirstCreate(cloud, folder, pulumi.start(output, "up", "--yes", "--skip-preview"), output, "INT");
        }
    }

    @Test
    void aKilledServerFailsItsCommandClearlyAndTheNextCommandStartsANewOne(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = slowCloud(); ServerFolder folder = new ServerFolder(root, 120)) {
            ServerFolder.Endpoint first = folder.start();
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            Path output = root.resolve("apply.log");
            Process apply = tofu.start(output, "apply", "-auto-approve");
            awaitTheFirstCreate(cloud, apply, output);
            first.process().destroyForcibly();
            assertTrue(apply.waitFor(90, TimeUnit.SECONDS), "tofu ended after the server was killed: " + Files.readString(output));
            assertNotEquals(0, apply.exitValue());
            String said = Files.readString(output);
            assertTrue(said.contains("plugin") && said.contains("Error"), "tofu says the plugin failed: " + said);

            cloud.timing("{\"createMs\": 200}");
            tofu.ok("apply", "-auto-approve"); // the stale endpoint: a cold run, which starts a new server
            ServerFolder.Endpoint second = folder.awaitEndpoint(Duration.ofSeconds(30), first.pid());
            assertTrue(second.process().isAlive());
            long opened = folder.count(OPENED);
            tofu.ok("plan", "-detailed-exitcode");
            assertTrue(folder.count(OPENED) > opened, "the next command went to the new server:\n" + folder.log());
            tofu.ok("destroy", "-auto-approve");
        }
    }

    @Test
    void aHungServerCostsAColdStartAndIsReplaced(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = EmulatorFixture.start(); ServerFolder folder = new ServerFolder(root, 120)) {
            ServerFolder.Endpoint hung = folder.start();
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            signal(hung.pid(), "STOP"); // it accepts connections (the kernel does) and answers none
            try {
                ProcessResult plan = tofu.run("plan");
                assertEquals(0, plan.exitCode(), "the plan ran cold: " + plan);
                ServerFolder.Endpoint replacement = folder.awaitEndpoint(Duration.ofSeconds(30), hung.pid());
                assertTrue(replacement.process().isAlive(), "a new server took the hung one's place");
            } finally {
                signal(hung.pid(), "CONT");
            }
            // Woken, it finds its endpoint file gone: it takes no new session and exits, being idle.
            hung.process().onExit().get(30, TimeUnit.SECONDS);
            assertTrue(folder.log().contains("the endpoint file is no longer this server's"), folder.log());
        }
    }

    @Test
    void aStaleOrForeignEndpointIsIgnored(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = EmulatorFixture.start(); ServerFolder folder = new ServerFolder(root, 120)) {
            ServerFolder.Endpoint first = folder.start();
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            // A server of another package (another version) with its own file; its address is then
            // put in this package's file.
            ServerFolder.Endpoint foreign = startForeignServer(folder);
            first.process().destroyForcibly();
            first.process().onExit().get(10, TimeUnit.SECONDS);
            Files.writeString(first.file(), foreign.socketName() + " " + foreign.secret() + " " + foreign.pid() + "\n");
            ProcessResult plan = tofu.run("plan");
            assertEquals(0, plan.exitCode(), plan.toString());
            assertTrue(foreign.process().isAlive());
            assertFalse(Files.readString(folder.dir().resolve("server-0.0.0-foreign.log")).contains("opened"),
                    "the foreign server opened no session");

            // A stale file: a socket that is gone. The command runs cold and a new server takes its place.
            Files.writeString(first.file(), "server-1.sock " + "0".repeat(64) + " 1\n");
            assertEquals(0, tofu.run("plan").exitCode());
            ServerFolder.Endpoint replaced = folder.awaitEndpoint(Duration.ofSeconds(30), 1);
            assertNotEquals(foreign.pid(), replaced.pid());
            assertTrue(replaced.process().isAlive());
            foreign.process().destroyForcibly();
        }
    }

    @Test
    void onlyAProvenLauncherOpensASessionAndTheFilesArePrivate(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = EmulatorFixture.start(); ServerFolder folder = new ServerFolder(root, 120)) {
            ServerFolder.Endpoint server = folder.start();
            assertEquals("rwx------", mode(folder.dir()));
            assertEquals("rw-------", mode(server.file()));
            assertEquals("rw-------", mode(server.socket()));
            try (var logs = Files.list(folder.dir())) {
                for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                    assertEquals("rw-------", mode(log), log.toString());
                }
            }
            // Not the handoff at all: closed, not one byte back.
            for (String attempt : List.of("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n" + "x".repeat(100), "")) {
                try (SocketChannel channel = LauncherClient.raw(server.socket())) {
                    channel.write(ByteBuffer.wrap(attempt.getBytes(StandardCharsets.US_ASCII)));
                    channel.shutdownOutput();
                    // Closed with nothing sent back: an end of stream, or a reset when the server closed with
                    // some of our bytes still unread (it reads only what it needs to refuse; how much of the
                    // rest had arrived by then is timing, and it failed this way once on a busy machine).
                    int read;
                    try {
                        read = channel.read(ByteBuffer.allocate(1));
                    } catch (java.net.SocketException reset) {
                        read = -1;
                    }
                    assertEquals(-1, read, "not one byte back for " + attempt.length() + " bytes");
                }
            }
            // The handoff without the secret: the server proves itself first (an HMAC, which tells
            // nothing of the secret), then closes on the made-up proof with no answer.
            try (LauncherClient impostor = LauncherClient.connect(server.socket())) {
                byte[] serverProof = impostor.hello(new byte[32]);
                assertEquals(64, serverProof.length);
                impostor.channel.write(ByteBuffer.allocate(36).put(new byte[32]).putInt(10).flip());
                assertTrue(impostor.closedByServer(), "closed on a wrong proof, with no answer");
            }
            assertTrue(server.process().isAlive(), "the server stays up");
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            long opened = folder.count(OPENED);
            tofu.ok("plan");
            assertTrue(folder.count(OPENED) > opened, "a launcher with the secret is still served:\n" + folder.log());
            folder.awaitLog(Pattern.compile("refused \\d+ connections? since the last such line: .*could not prove it holds the secret"),
                    1, Duration.ofSeconds(30));
        }
    }

    @Test
    void anOversizedHandoffIsRefusedAndTheServerStaysUp(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = EmulatorFixture.start(); ServerFolder folder = new ServerFolder(root, 120)) {
            ServerFolder.Endpoint server = folder.start();
            try (LauncherClient launcher = LauncherClient.connect(server.socket())) {
                LauncherClient.Answer answer = launcher.handOff(server.secretBytes(), new byte[0], 400 * 1024 * 1024);
                assertEquals('E', answer.status());
                assertTrue(answer.text().contains("a handoff of 419430400 bytes is over the limit of 262144"), answer.text());
            }
            // Within the limit, but 400 strings: each is refused before the server holds more than the body.
            byte[] body = LauncherClient.body("k", "terraform",
                    java.util.Collections.nCopies(400, "VPSSNAP_X=" + "y".repeat(1000)), List.of());
            try (LauncherClient launcher = LauncherClient.connect(server.socket())) {
                LauncherClient.Answer answer = launcher.handOff(server.secretBytes(), body, -1);
                assertEquals('E', answer.status(), "a body over 256 KiB");
                assertTrue(answer.text().contains("over the limit of 262144"), answer.text());
            }
            assertTrue(server.process().isAlive(), "the server stays up");
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            long opened = folder.count(OPENED);
            tofu.ok("plan");
            assertTrue(folder.count(OPENED) > opened, "the next plan is served by the same server:\n" + folder.log());
            assertEquals(server.pid(), folder.endpoint().orElseThrow().pid());
        }
    }

    @Test
    void aWarmSessionRefusesAMessageLargerThanItsShareOfTheHeap(@TempDir Path root) throws Exception {
        try (ServerFolder folder = new ServerFolder(root, 120)) {
            ServerFolder.Endpoint server = folder.start();
            // A Pulumi session opened as the helper would (no engine log address), and called as its engine.
            try (LauncherClient launcher = LauncherClient.connect(server.socket())) {
                LauncherClient.Answer answer = launcher.handOff(server.secretBytes(),
                        LauncherClient.body(server.file().getFileName().toString().replaceAll("^server-|\\.endpoint$", ""), "pulumi",
                                List.of(), List.of()), -1);
                assertEquals('K', answer.status(), answer.text());
                ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(answer.text()))
                        .usePlaintext().maxInboundMessageSize(64 * 1024 * 1024).build();
                try {
                    ResourceProviderGrpc.ResourceProviderBlockingStub engine = ResourceProviderGrpc.newBlockingStub(channel)
                            .withMaxOutboundMessageSize(64 * 1024 * 1024);
                    Struct huge = Struct.newBuilder().putFields("name", Value.newBuilder().setStringValue("x".repeat(20 * 1024 * 1024)).build()).build();
                    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> engine.check(
                            CheckRequest.newBuilder().setUrn("urn:pulumi:dev::p::vpssnap:locaweb:Snapshot::s").setNews(huge).build()));
                    assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode(), refused.toString());
                    assertFalse(engine.getPluginInfo(Empty.getDefaultInstance()).getVersion().isEmpty(),
                            "the session answers the next call");
                } finally {
                    channel.shutdownNow();
                }
            }
            assertTrue(server.process().isAlive(), "the server stays up");
        }
    }

    @Test
    void aVariableOutsideTheAllowListNeverReachesTheServer(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = slowCloud(); ServerFolder folder = new ServerFolder(root, 120)) {
            ServerFolder.Endpoint server = folder.start();
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            String canary = "canary-" + UUID.randomUUID();
            String allowed = "allowed-" + UUID.randomUUID();
            tofu.env("VPSSNAP_TEST_ALLOWED", allowed).env("CANARY_SECRET", canary).env("AWS_SECRET_ACCESS_KEY", canary);
            Path output = root.resolve("apply.log");
            Process apply = tofu.start(output, "apply", "-auto-approve");
            try {
                awaitTheFirstCreate(cloud, apply, output);
                // The server's whole heap, unreachable objects included, while the session is live.
                Path dump = root.resolve("server.hprof");
                ProcessResult jcmd = Commands.run(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(server.pid()), "GC.heap_dump", "-all", dump.toString()), root, Map.of(), Duration.ofMinutes(2));
                assertEquals(0, jcmd.exitCode(), jcmd.toString());
                byte[] heap = Files.readAllBytes(dump);
                assertTrue(contains(heap, allowed), "the dump holds an allowed variable's value: the search can find one");
                assertFalse(contains(heap, canary), "a variable outside the allow-list never reached the server");
                Files.delete(dump);
            } finally {
                apply.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void sessionsWithOtherJvmOptionsGetAServerOfTheirOwn(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = EmulatorFixture.start(); ServerFolder folder = new ServerFolder(root, 120)) {
            ServerFolder.Endpoint plain = folder.start();
            Path plainLog = plain.file().resolveSibling(plain.file().getFileName().toString().replace(".endpoint", ".log"));
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            tofu.env("VPSSNAP_JAVA_OPTS", "-Dvpssnap.test.option=on");
            tofu.ok("plan"); // no server of this key yet: cold, and it starts one
            Path options = awaitAnotherEndpoint(folder, plain.file());
            assertTrue(options.getFileName().toString().startsWith(plain.file().getFileName().toString().replace(".endpoint", "-")),
                    "the options' key is the package's and the options' checksum: " + options);
            long plainSessions = OPENED.matcher(Files.readString(plainLog)).results().count();
            tofu.ok("plan");
            Path optionsLog = options.resolveSibling(options.getFileName().toString().replace(".endpoint", ".log"));
            assertTrue(OPENED.matcher(Files.readString(optionsLog)).results().count() > 0, "the options' server served the plan");
            assertEquals(plainSessions, OPENED.matcher(Files.readString(plainLog)).results().count(),
                    "the plain server took no session that asked for other JVM options");
        }
    }

    private static Path awaitAnotherEndpoint(ServerFolder folder, Path first) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(folder.dir())) {
                var other = files.filter(f -> f.toString().endsWith(".endpoint") && !f.equals(first)).findFirst();
                if (other.isPresent()) {
                    return other.get();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no second server in " + folder.dir() + ":\n" + folder.log());
    }

    @Test
    void theServerExitsWhenIdle(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = EmulatorFixture.start(); ServerFolder folder = new ServerFolder(root, 2)) {
            ServerFolder.Endpoint server = folder.start();
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            tofu.ok("plan");
            server.process().onExit().get(30, TimeUnit.SECONDS);
            // A later launcher of a slow plan may have started a server of its own: only this one's file must be gone.
            assertTrue(folder.endpoint().filter(e -> e.pid() == server.pid()).isEmpty(), "the endpoint file went with it");
            assertTrue(folder.log().contains("no session for 2 s: exiting"), folder.log());
        }
    }

    @Test
    void aRetiredServerFinishesTheSessionsItRuns(@TempDir Path root) throws Exception {
        EmulatorFixture slow = EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(8_000).deleteMs(200));
        try (EmulatorFixture cloud = slow; ServerFolder folder = new ServerFolder(root, 120)) {
            ServerFolder.Endpoint server = folder.start();
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            Path output = root.resolve("apply.log");
            Process apply = tofu.start(output, "apply", "-auto-approve");
            awaitTheFirstCreate(cloud, apply, output);
            Files.delete(server.file()); // what a launcher does to a server it no longer trusts
            assertTrue(apply.waitFor(120, TimeUnit.SECONDS), "the apply ended: " + Files.readString(output));
            assertEquals(0, apply.exitValue(), "the session in flight finished on the retired server: " + Files.readString(output));
            server.process().onExit().get(60, TimeUnit.SECONDS);
            String log = Files.readString(server.file().resolveSibling(server.file().getFileName().toString().replace(".endpoint", ".log")));
            assertTrue(log.contains("idle and retired: exiting"), log);
            tofu.ok("destroy", "-auto-approve");
        }
    }

    @Test
    void offStartsNoServer(@TempDir Path root) throws Exception {
        try (EmulatorFixture cloud = EmulatorFixture.start(); ServerFolder folder = new ServerFolder(root, 120)) {
            TofuCli tofu = tofu(root.resolve("tofu"), folder, cloud, EmulatorFixture.LOCAWEB_TOKEN, "cpro0299");
            tofu.env("VPSSNAP_SERVER", "off");
            tofu.ok("apply", "-auto-approve");
            tofu.ok("destroy", "-auto-approve");
            assertFalse(Files.exists(folder.dir()), "no server folder, so no server");
            ProcessResult bad = tofu.env("VPSSNAP_SERVER", "maybe").run("plan");
            assertNotEquals(0, bad.exitCode());
            assertTrue(bad.combined().contains("VPSSNAP_SERVER=maybe is not allowed: use on"), bad.toString());
        }
    }

    private static TofuCli tofu(Path dir, ServerFolder folder, EmulatorFixture cloud, String token, String server) throws Exception {
        TofuCli tofu = new TofuCli(dir);
        folder.env().forEach(tofu::env);
        tofu.env("VPSSNAP_LOG", "debug").env("TF_LOG", "DEBUG").env("TF_LOG_PATH", dir.resolve("tofu.log").toString());
        tofu.writeConfig("terraform {\n  required_providers {\n    vpssnap = { source = \"" + TofuCli.SOURCE + "\" }\n  }\n}\n"
                + "provider \"vpssnap\" {\n  locaweb_endpoint = \"" + cloud.locawebEndpoint() + "\"\n  locaweb_token = \""
                + token + "\"\n}\n"
                + "resource \"vpssnap_locaweb_snapshot\" \"s\" {\n  count = 2\n  server = \"" + server + "\"\n"
                + "  name = \"warm-${count.index}\"\n}\n");
        return tofu;
    }

    /** A stack whose plugin is the launcher of build/bin, found on PATH: the same package as tofu's, so the same server. */
    private static PulumiCli pulumi(Path dir, ServerFolder folder, EmulatorFixture cloud, String token, String server) throws Exception {
        PulumiCli pulumi = new PulumiCli(dir, false);
        folder.env().forEach(pulumi::env);
        pulumi.env("PATH", TestEnvironment.pulumi().getParent() + ":" + TestEnvironment.binDir() + ":" + System.getenv("PATH"))
                .env("VPSSNAP_LOG", "debug");
        pulumi.writeProgram("name: warm\nruntime: yaml\nresources:\n"
                + "  s0:\n    type: vpssnap:locaweb:Snapshot\n    properties:\n      server: " + server + "\n      name: warm-0\n"
                + "  s1:\n    type: vpssnap:locaweb:Snapshot\n    properties:\n      server: " + server + "\n      name: warm-1\n");
        pulumi.ok("stack", "init", "dev");
        pulumi.ok("config", "set", "vpssnap:locawebEndpoint", cloud.locawebEndpoint());
        pulumi.ok("config", "set", "--secret", "vpssnap:locawebToken", token);
        return pulumi;
    }

    private static EmulatorFixture slowCloud() {
        return EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(20_000).deleteMs(200).revertMs(200).restoreMs(200));
    }

    private static void awaitTheFirstCreate(EmulatorFixture cloud, Process engine, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (cloud.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots") == 0 && engine.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(engine.isAlive(), "the engine ended before its first create: " + Files.readString(output));
        assertTrue(cloud.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots") > 0, "a create was sent");
    }

    /**
     * Signals the engine once its first create reached the cloud, then waits for it to end and for
     * one more session to end with nothing left running; asserts the cloud hears nothing after. The
     * server's log is returned.
     */
    private static String stopDuringTheFirstCreate(EmulatorFixture cloud, ServerFolder folder, Process engine, Path output,
                                                   String signal) throws Exception {
        awaitTheFirstCreate(cloud, engine, output);
        long before = folder.count(ENDED_CLEAN);
        signal(engine, signal);
        assertTrue(engine.waitFor(90, TimeUnit.SECONDS), "the engine ended after SIG" + signal + ": " + Files.readString(output));
        String log = folder.awaitLog(ENDED_CLEAN, before + 1, Duration.ofSeconds(20));
        assertNoMoreRequests(cloud);
        return log;
    }

    /** Once the session has ended, the cloud hears nothing more of it (its waits poll every few hundred ms). */
    private static void assertNoMoreRequests(EmulatorFixture cloud) throws InterruptedException {
        int atEnd = cloud.requests().size();
        Thread.sleep(3000);
        assertEquals(atEnd, cloud.requests().size(), "requests after the session ended: " + cloud.requests());
    }

    private static void signal(Process process, String signal) throws Exception {
        signal(process.pid(), signal);
    }

    private static void signal(long pid, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-s", signal, String.valueOf(pid)).start().waitFor());
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] bytes = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + bytes.length <= haystack.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (haystack[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** A server of another package key in the same folder, started as a launcher would. */
    private static ServerFolder.Endpoint startForeignServer(ServerFolder folder) throws Exception {
        Path lib = TestEnvironment.binDir().resolveSibling("lib");
        String classPath;
        try (var jars = Files.list(lib)) {
            classPath = String.join(":", jars.filter(j -> j.toString().endsWith(".jar")).map(Path::toString).sorted().toList());
        }
        Path log = folder.dir().resolve("server-0.0.0-foreign.log");
        new ProcessBuilder("java", "-cp", classPath, PluginServer.class.getName(), folder.dir().toString(), "0.0.0-foreign")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path file = folder.dir().resolve("server-0.0.0-foreign.endpoint");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String[] fields = Files.readString(file).trim().split(" ");
        return new ServerFolder.Endpoint(file, fields[0], fields[1], Long.parseLong(fields[2]));
    }
}

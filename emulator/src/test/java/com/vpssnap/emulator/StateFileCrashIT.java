package com.vpssnap.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The state file survives SIGKILL at any moment. An emulator process on a state file takes a
 * burst of concurrent creates and deletes and is killed at a random moment, then restarted on
 * the same file; {@link #KILLS} times. After each restart the file has loaded, every create that
 * was answered is there unless its delete was answered too, and every answered delete is gone.
 * Bounded: at most {@link #REQUESTS_PER_ROUND} requests a round, loopback only.
 */
class StateFileCrashIT {
    static final int KILLS = 12;
    static final int REQUESTS_PER_ROUND = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random = new Random(20261129);

    @Test
    void everyAnsweredChangeSurvivesAKillAtAnyMoment(@TempDir Path dir) throws Exception {
        Path stateFile = dir.resolve("state.json");
        Set<Long> created = ConcurrentHashMap.newKeySet();
        Set<Long> deleted = ConcurrentHashMap.newKeySet();
        // A delete sent but not answered may have been made: its snapshot may be gone or not.
        Set<Long> deleteSent = ConcurrentHashMap.newKeySet();
        List<String> lost = new ArrayList<>();
        int survived = 0;
        for (int round = 1; round <= KILLS; round++) {
            Process emulator = start(stateFile);
            String url = listeningUrl(emulator);
            checkState(url, created, deleted, deleteSent, lost, round);
            burstThenKill(emulator, url, created, deleted, deleteSent);
            survived++;
        }
        Process last = start(stateFile);
        checkState(listeningUrl(last), created, deleted, deleteSent, lost, KILLS + 1);
        last.destroyForcibly().waitFor();
        assertEquals(List.of(), lost, "answered changes lost after a kill");
        assertEquals(KILLS, survived);
        System.out.println("STATE FILE: " + KILLS + " SIGKILLs survived; " + created.size() + " creates and "
                + deleted.size() + " deletes answered");
    }

    private void burstThenKill(Process emulator, String url, Set<Long> created, Set<Long> deleted, Set<Long> deleteSent)
            throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(6);
        long killAfterMs = 30 + random.nextInt(400);
        for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
            boolean delete = i % 3 == 2;
            workers.submit(() -> {
                if (killed.get()) {
                    return;
                }
                try {
                    if (delete) {
                        Long victim = created.stream().filter(id -> !deleteSent.contains(id)).findAny().orElse(null);
                        if (victim != null && deleteSent.add(victim) && send(url, "DELETE", "/v1/cloud/servers/cpro0299/snapshots/" + victim, null)
                                .statusCode() == 202) {
                            deleted.add(victim);
                        }
                    } else {
                        HttpResponse<String> made = send(url, "POST", "/v1/cloud/servers/cpro0299/snapshots",
                                "{\"data\":{\"type\":\"snapshots\",\"attributes\":{\"name\":\"burst\"}}}");
                        if (made.statusCode() == 201) {
                            created.add(JSON.readTree(made.body()).path("data").path("id").asLong());
                        }
                    }
                } catch (Exception killedMidRequest) {
                    // No answer: this change may or may not have been made, and is not counted.
                }
            });
        }
        Thread.sleep(killAfterMs);
        killed.set(true);
        emulator.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
        emulator.waitFor();
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static void checkState(String url, Set<Long> created, Set<Long> deleted, Set<Long> deleteSent,
                                   List<String> lost, int round) throws Exception {
        JsonNode state = JSON.readTree(send(url, "GET", "/_emulator/state", null).body());
        Set<Long> present = ConcurrentHashMap.newKeySet();
        for (JsonNode server : state.path("locaweb").path("servers")) {
            server.path("snapshots").forEach(s -> present.add(s.path("id").asLong()));
        }
        for (long id : created) {
            if (!deleteSent.contains(id) && !present.contains(id)) {
                lost.add("round " + round + ": create " + id + " was answered but is gone");
            }
        }
        for (long id : deleted) {
            if (present.contains(id)) {
                lost.add("round " + round + ": delete " + id + " was answered but the snapshot is back");
            }
        }
    }

    private static Process start(Path stateFile) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
                "--port", "0", "--state-file", stateFile.toString(), "--create-ms", "0", "--delete-ms", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The emulator's first line; a state file that does not load ends the process before it. */
    private static String listeningUrl(Process emulator) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("vpssnap-emulator listening on ")) {
            throw new AssertionError("the emulator did not start on its state file: " + line + ", exit "
                    + (emulator.waitFor(5, TimeUnit.SECONDS) ? emulator.exitValue() : "none"));
        }
        return line.substring("vpssnap-emulator listening on ".length()).trim();
    }

    private static HttpResponse<String> send(String url, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5))
                .header("X-Auth-Token", "lw-demo-token").header("Content-Type", "application/vnd.api+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

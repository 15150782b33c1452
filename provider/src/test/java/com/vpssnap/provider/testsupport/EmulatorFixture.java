package com.vpssnap.provider.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.emulator.Emulator;
import com.vpssnap.emulator.EmulatorOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The real emulator, in-process on an ephemeral loopback port, with its control API
 * (/_emulator) for arranging drift and faults and for reading back what the provider did.
 */
public final class EmulatorFixture implements AutoCloseable {
    public static final String LOCAWEB_TOKEN = "lw-demo-token";
    public static final String VPSORG_TOKEN = "vps-demo-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Emulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();

    private EmulatorFixture(Emulator emulator) {
        this.emulator = emulator;
    }

    /** Short state-machine delays keep the suites quick while every transition still happens. */
    public static EmulatorFixture start() {
        return start(EmulatorOptions.defaults().port(0).createMs(200).deleteMs(200).revertMs(200).restoreMs(200));
    }

    public static EmulatorFixture start(EmulatorOptions options) {
        try {
            return new EmulatorFixture(Emulator.start(options));
        } catch (Exception e) {
            throw new IllegalStateException("emulator did not start", e);
        }
    }

    public String url() {
        return emulator.url();
    }

    public String locawebEndpoint() {
        return url() + "/v1";
    }

    public String vpsorgEndpoint() {
        return url() + "/api/v1";
    }

    public void reset() {
        send("POST", "/_emulator/reset", null);
    }

    public JsonNode state() {
        return send("GET", "/_emulator/state", null);
    }

    /** Locaweb snapshots of one server, as the state dump shows them. */
    public List<JsonNode> locawebSnapshots(String server) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : state().path("locaweb").path("servers")) {
            if (s.path("name").asText().equals(server)) {
                s.path("snapshots").forEach(out::add);
            }
        }
        return out;
    }

    /** VPS.org snapshots of one server, as the state dump shows them. */
    public List<JsonNode> vpsorgSnapshots(long serverId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : state().path("vpsorg").path("servers")) {
            if (s.path("id").asLong() == serverId) {
                s.path("snapshots").forEach(out::add);
            }
        }
        return out;
    }

    public int totalSnapshots() {
        int total = 0;
        for (String cloud : List.of("locaweb", "vpsorg")) {
            for (JsonNode s : state().path(cloud).path("servers")) {
                total += s.path("snapshots").size();
            }
        }
        return total;
    }

    public JsonNode requests() {
        return send("GET", "/_emulator/requests", null);
    }

    /** How many logged requests have this method and a path matching the regex. */
    public long countRequests(String method, String pathRegex) {
        long n = 0;
        for (JsonNode r : requests()) {
            if (r.path("method").asText().equals(method) && r.path("path").asText().matches(pathRegex)) {
                n++;
            }
        }
        return n;
    }

    public void clearRequests() {
        send("DELETE", "/_emulator/requests", null);
    }

    public void deleteBehindProvider(String controlPath) {
        send("DELETE", "/_emulator" + controlPath, null);
    }

    public void patch(String controlPath, String json) {
        send("PATCH", "/_emulator" + controlPath, json);
    }

    public void addFault(String json) {
        send("POST", "/_emulator/faults", json);
    }

    /** A snapshot made directly through the API, as one made in the web panel, once it is ready. */
    public long createLocawebSnapshot(String server, String name) throws InterruptedException {
        JsonNode made = send("POST", "/v1/cloud/servers/" + server + "/snapshots",
                "{\"data\":{\"type\":\"snapshots\",\"attributes\":{\"name\":\"" + name + "\"}}}",
                "X-Auth-Token", LOCAWEB_TOKEN);
        long id = made.path("data").path("id").asLong();
        while (!"done".equals(send("GET", "/v1/cloud/servers/" + server + "/snapshots/" + id, null, "X-Auth-Token",
                LOCAWEB_TOKEN).path("data").path("attributes").path("status").asText())) {
            Thread.sleep(50);
        }
        return id;
    }

    /** Starts a Locaweb snapshot and returns at once, while it is still {@code creating}. */
    public long startLocawebSnapshot(String server, String name) {
        return send("POST", "/v1/cloud/servers/" + server + "/snapshots",
                "{\"data\":{\"type\":\"snapshots\",\"attributes\":{\"name\":\"" + name + "\"}}}",
                "X-Auth-Token", LOCAWEB_TOKEN).path("data").path("id").asLong();
    }

    /** Caps the Locaweb snapshot listing's pages at {@code max} items, so that a listing spans pages. */
    public void locawebPageSize(int max) {
        send("PUT", "/_emulator/locaweb/page-size", "{\"max\":" + max + "}");
    }

    /** Sets the state machines' delays, e.g. {@code {"createMs": 10000}}. */
    public void timing(String json) {
        send("PUT", "/_emulator/timing", json);
    }

    public long createVpsorgSnapshot(long serverId, String name) throws InterruptedException {
        long id = send("POST", "/api/v1/snapshots/", "{\"server_id\":" + serverId + ",\"name\":\"" + name + "\"}",
                "Authorization", "Bearer " + VPSORG_TOKEN).path("id").asLong();
        while (vpsorgSnapshots(serverId).stream().noneMatch(s -> s.path("id").asLong() == id
                && s.path("status").asText().equals("completed"))) {
            Thread.sleep(50);
        }
        return id;
    }

    public void addServer(String json) {
        send("POST", "/_emulator/servers", json);
    }

    /** The fault rules, with how often each fired. */
    public JsonNode faults() {
        return send("GET", "/_emulator/faults", null);
    }

    public void clearFaults() {
        send("DELETE", "/_emulator/faults", null);
    }

    private JsonNode send(String method, String path, String body) {
        return send(method, path, body, "X-Vpssnap-Test", "control");
    }

    private JsonNode send(String method, String path, String body, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header(header, value);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}

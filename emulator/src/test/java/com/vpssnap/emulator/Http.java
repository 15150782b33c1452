package com.vpssnap.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for the tests: real requests over loopback, answers as JSON. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(Emulator emulator) {
        this.base = emulator.url();
    }

    Answer locaweb(String method, String path, String body) {
        return send(method, "/v1" + path, body, "X-Auth-Token", "lw-demo-token");
    }

    Answer vpsorg(String method, String path, String body) {
        return send(method, "/api/v1" + path, body, "Authorization", "Bearer vps-demo-token");
    }

    Answer control(String method, String path, String body) {
        return send(method, "/_emulator" + path, body, null, null);
    }

    Answer send(String method, String path, String body, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (header != null) {
            request.header(header, value);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Answer(-1, null, "", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** status -1 means no HTTP answer at all (a dropped connection). */
    record Answer(int status, JsonNode json, String contentType, String retryAfter) {
    }

    static String lwSnapshot(String name, String description) {
        return "{\"data\":{\"type\":\"snapshots\",\"attributes\":{\"name\":\"" + name + "\",\"description\":"
                + (description == null ? "null" : "\"" + description + "\"") + "}}}";
    }

    static String revert(long id) {
        return "{\"data\":{\"type\":\"actions\",\"attributes\":{\"resource_type\":\"snapshots\",\"resource_id\":\""
                + id + "\",\"action\":\"revert\"}}}";
    }

    static String vpsSnapshot(long serverId, String name) {
        return "{\"server_id\":" + serverId + ",\"name\":\"" + name + "\",\"description\":\"test\"}";
    }

    /** Polls a condition (bounded), for state machines that move with the clock. */
    static void eventually(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}

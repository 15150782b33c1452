package com.vpssnap.provider.cloud.locaweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.provider.cloud.ApiHttp;
import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.wait.Cancellation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The Locaweb Cloud snapshot API ("API Servidores"): JSON:API bodies, {@code X-Auth-Token}. */
public final class LocawebClient {
    static final String CONTENT_TYPE = "application/vnd.api+json";
    private static final int PAGE_SIZE = 100;
    private final ApiHttp http;

    public LocawebClient(Endpoint endpoint, Secret token, RetryPolicy retry, Cancellation cancellation) {
        this.http = new ApiHttp(endpoint, CONTENT_TYPE, request -> request.header("X-Auth-Token", token.reveal()),
                new LocawebErrors(), retry, cancellation);
    }

    /** Every snapshot of the server, oldest first, following {@code links.next} across pages. */
    public List<LocawebSnapshot> listSnapshots(String server) {
        return allPages(snapshots(server), LocawebClient::snapshot);
    }

    public LocawebSnapshot getSnapshot(String server, long id) {
        return snapshot(http.get(snapshots(server) + "/" + id).path("data"));
    }

    public LocawebSnapshot createSnapshot(String server, String name, String description) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", name);
        attributes.put("description", description);
        Map<String, Object> body = Map.of("data", Map.of("type", "snapshots", "attributes", attributes));
        return snapshot(http.post(snapshots(server), body).path("data"));
    }

    /** Asks for deletion; Locaweb answers 202 and removes the snapshot asynchronously. */
    public void deleteSnapshot(String server, long id) {
        http.delete(snapshots(server) + "/" + id);
    }

    public List<LocawebAction> listActions(String server, long snapshotId) {
        return allPages(actions(server, snapshotId), LocawebClient::action);
    }

    public LocawebAction getAction(String server, long snapshotId, long actionId) {
        return action(http.get(actions(server, snapshotId) + "/" + actionId).path("data"));
    }

    public LocawebAction createRevertAction(String server, long snapshotId) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("resource_type", "snapshots");
        attributes.put("resource_id", Long.toString(snapshotId));
        attributes.put("action", "revert");
        Map<String, Object> body = Map.of("data", Map.of("type", "actions", "attributes", attributes));
        return action(http.post(actions(server, snapshotId), body).path("data"));
    }

    /** Reads a JSON:API collection from its first page to the last, following {@code links.next}. */
    private <T> List<T> allPages(String path, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        JsonNode page = http.get(path + "?page%5Bnumber%5D=1&page%5Bsize%5D=" + PAGE_SIZE);
        while (true) {
            page.path("data").forEach(data -> out.add(item.apply(data)));
            JsonNode next = page.path("links").path("next");
            if (!next.isTextual() || next.asText().isEmpty()) {
                return out;
            }
            page = http.getLink(next.asText());
        }
    }

    private static String snapshots(String server) {
        return "/cloud/servers/" + URLEncoder.encode(server, StandardCharsets.UTF_8).replace("+", "%20") + "/snapshots";
    }

    private static String actions(String server, long snapshotId) {
        return snapshots(server) + "/" + snapshotId + "/actions";
    }

    private static LocawebSnapshot snapshot(JsonNode data) {
        JsonNode a = data.path("attributes");
        String takenAt = a.path("taken_at").asText(null);
        return new LocawebSnapshot(data.path("id").asLong(), a.path("name").asText(null),
                a.path("description").isNull() ? null : a.path("description").asText(null),
                a.path("uuid").asText(null), takenAt == null ? null : OffsetDateTime.parse(takenAt),
                a.path("status").asText(null));
    }

    private static LocawebAction action(JsonNode data) {
        JsonNode a = data.path("attributes");
        return new LocawebAction(data.path("id").asLong(), a.path("resource_type").asText(null),
                a.path("resource_id").asText(null), a.path("action").asText(null), a.path("status").asText(null));
    }
}

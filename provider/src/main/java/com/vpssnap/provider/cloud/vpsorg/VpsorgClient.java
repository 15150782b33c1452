package com.vpssnap.provider.cloud.vpsorg;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.provider.cloud.ApiHttp;
import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.wait.Cancellation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The VPS.org snapshot API: plain JSON, {@code Authorization: Bearer}, every path ending in "/". */
public final class VpsorgClient {
    private static final int PAGE_SIZE = 100;
    private final ApiHttp http;

    public VpsorgClient(Endpoint endpoint, Secret token, RetryPolicy retry, Cancellation cancellation) {
        this.http = new ApiHttp(endpoint, "application/json",
                request -> request.header("Authorization", "Bearer " + token.reveal()),
                new VpsorgErrors(), retry, cancellation);
    }

    /** Snapshots of one server (serverId given) or of all, oldest first, following {@code next}. */
    public List<VpsorgSnapshot> listSnapshots(Long serverId) {
        String path = "/snapshots/?page_size=" + PAGE_SIZE + (serverId == null ? "" : "&server_id=" + serverId);
        List<VpsorgSnapshot> out = new ArrayList<>();
        JsonNode page = http.get(path);
        while (true) {
            page.path("results").forEach(item -> out.add(snapshot(item)));
            JsonNode next = page.path("next");
            if (!next.isTextual() || next.asText().isEmpty()) {
                return out;
            }
            page = http.getLink(next.asText());
        }
    }

    /**
     * One snapshot by id. The API has no GET for one, so this lists: by server when the caller
     * knows it (cheaper), else every snapshot (import by id alone).
     */
    public Optional<VpsorgSnapshot> findSnapshot(long id, Long serverIdHint) {
        Optional<VpsorgSnapshot> found = find(listSnapshots(serverIdHint), id);
        return found.isPresent() || serverIdHint == null ? found : find(listSnapshots(null), id);
    }

    public VpsorgSnapshot createSnapshot(long serverId, String name, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server_id", serverId);
        body.put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        return snapshot(http.post("/snapshots/", body));
    }

    /** Starts a restore; the server is {@code restoring} until it is done. Returns the server as answered. */
    public VpsorgServer restore(long snapshotId) {
        JsonNode server = http.post("/snapshots/" + snapshotId + "/restore/", null).path("server");
        return new VpsorgServer(server.path("id").asLong(), server.path("name").asText(null),
                server.path("status").asText(null));
    }

    public void deleteSnapshot(long id) {
        http.delete("/snapshots/" + id + "/");
    }

    public VpsorgServer getServer(long id) {
        JsonNode server = http.get("/servers/" + id + "/");
        return new VpsorgServer(server.path("id").asLong(), server.path("name").asText(null),
                server.path("status").asText(null));
    }

    private static Optional<VpsorgSnapshot> find(List<VpsorgSnapshot> snapshots, long id) {
        return snapshots.stream().filter(s -> s.id() == id).findFirst();
    }

    private static VpsorgSnapshot snapshot(JsonNode s) {
        JsonNode size = s.path("size_mb");
        String createdAt = s.path("created_at").asText(null);
        return new VpsorgSnapshot(s.path("id").asLong(), s.path("server").path("id").asLong(),
                s.path("server").path("name").asText(null), s.path("name").asText(null),
                s.path("status").asText(null), size.isNumber() ? size.asLong() : null,
                createdAt == null ? null : Instant.parse(createdAt), s.path("description").asText(""));
    }
}

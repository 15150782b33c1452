package com.vpssnap.provider.cloud.vpsorg;

import com.vpssnap.provider.cloud.Answer;
import com.vpssnap.provider.cloud.ApiHttp;
import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.wait.Cancellation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
        Function<Answer, String> readPage = page -> {
            page.objects("results").forEach(item -> out.add(snapshot(item)));
            return page.optionalText("next");
        };
        String next = http.get(path, readPage);
        while (next != null && !next.isEmpty()) {
            next = http.getLink(next, readPage);
        }
        return out;
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
        return http.post("/snapshots/", body, VpsorgClient::snapshot);
    }

    /** Starts a restore; the server is {@code restoring} until it is done. Returns the server as answered. */
    public VpsorgServer restore(long snapshotId) {
        return http.post("/snapshots/" + snapshotId + "/restore/", null, answer -> server(answer.object("server")));
    }

    public void deleteSnapshot(long id) {
        http.delete("/snapshots/" + id + "/");
    }

    public VpsorgServer getServer(long id) {
        return http.get("/servers/" + id + "/", VpsorgClient::server);
    }

    private static Optional<VpsorgSnapshot> find(List<VpsorgSnapshot> snapshots, long id) {
        return snapshots.stream().filter(s -> s.id() == id).findFirst();
    }

    static VpsorgServer server(Answer server) {
        return new VpsorgServer(server.number("id"), server.optionalText("name"), server.text("status"));
    }

    static VpsorgSnapshot snapshot(Answer s) {
        Answer server = s.object("server");
        String description = s.optionalText("description");
        return new VpsorgSnapshot(s.number("id"), server.number("id"), server.optionalText("name"), s.text("name"),
                s.text("status"), s.optionalNumber("size_mb"), s.optionalInstant("created_at"),
                description == null ? "" : description);
    }
}

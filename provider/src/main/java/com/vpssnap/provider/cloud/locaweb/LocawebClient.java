package com.vpssnap.provider.cloud.locaweb;

import com.vpssnap.provider.cloud.Answer;
import com.vpssnap.provider.cloud.ApiHttp;
import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.wait.Cancellation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        return http.get(snapshots(server) + "/" + id, answer -> snapshot(answer.object("data")));
    }

    public LocawebSnapshot createSnapshot(String server, String name, String description) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", name);
        attributes.put("description", description);
        Map<String, Object> body = Map.of("data", Map.of("type", "snapshots", "attributes", attributes));
        return http.post(snapshots(server), body, answer -> snapshot(answer.object("data")));
    }

    /** Asks for deletion; Locaweb answers 202 and removes the snapshot asynchronously. */
    public void deleteSnapshot(String server, long id) {
        http.delete(snapshots(server) + "/" + id);
    }

    public List<LocawebAction> listActions(String server, long snapshotId) {
        return allPages(actions(server, snapshotId), LocawebClient::action);
    }

    public LocawebAction getAction(String server, long snapshotId, long actionId) {
        return http.get(actions(server, snapshotId) + "/" + actionId, answer -> action(answer.object("data")));
    }

    public LocawebAction createRevertAction(String server, long snapshotId) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("resource_type", "snapshots");
        attributes.put("resource_id", Long.toString(snapshotId));
        attributes.put("action", "revert");
        Map<String, Object> body = Map.of("data", Map.of("type", "actions", "attributes", attributes));
        return http.post(actions(server, snapshotId), body, answer -> action(answer.object("data")));
    }

    /** Reads a JSON:API collection from its first page to the last, following {@code links.next}. */
    private <T> List<T> allPages(String path, Function<Answer, T> item) {
        List<T> out = new ArrayList<>();
        Function<Answer, String> readPage = page -> {
            page.objects("data").forEach(data -> out.add(item.apply(data)));
            return page.has("links") ? page.object("links").optionalText("next") : null;
        };
        String next = http.get(path + "?page%5Bnumber%5D=1&page%5Bsize%5D=" + PAGE_SIZE, readPage);
        while (next != null && !next.isEmpty()) {
            next = http.getLink(next, readPage);
        }
        return out;
    }

    private static String snapshots(String server) {
        return "/cloud/servers/" + URLEncoder.encode(server, StandardCharsets.UTF_8).replace("+", "%20") + "/snapshots";
    }

    private static String actions(String server, long snapshotId) {
        return snapshots(server) + "/" + snapshotId + "/actions";
    }

    static LocawebSnapshot snapshot(Answer data) {
        Answer a = data.object("attributes");
        return new LocawebSnapshot(data.number("id"), a.text("name"), a.optionalText("description"),
                a.optionalText("uuid"), a.optionalOffsetTime("taken_at"), a.text("status"));
    }

    static LocawebAction action(Answer data) {
        Answer a = data.object("attributes");
        return new LocawebAction(data.number("id"), a.optionalText("resource_type"),
                a.optionalText("resource_id"), a.optionalText("action"), a.text("status"));
    }
}

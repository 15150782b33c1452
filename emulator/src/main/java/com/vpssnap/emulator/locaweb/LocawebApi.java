package com.vpssnap.emulator.locaweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.emulator.http.Handler;
import com.vpssnap.emulator.http.Reply;
import com.vpssnap.emulator.http.Request;
import com.vpssnap.emulator.state.Store;
import com.vpssnap.emulator.state.World;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.vpssnap.emulator.locaweb.LocawebJson.document;
import static com.vpssnap.emulator.locaweb.LocawebJson.error;

/** The Locaweb Cloud snapshot API under {@code /v1}. */
public final class LocawebApi implements Handler {
    /** The delay of a revert action, in the emulator\'s timing. */
    public static final String REVERT_MS = "revertMs";
    public static final String PREFIX = "/v1";
    static final int NAME_MAX = 255;
    static final int DESCRIPTION_MAX = 1000;
    private final Store store;
    private final String token;

    public LocawebApi(Store store, String token) {
        this.store = store;
        this.token = token;
    }

    @Override
    public Reply handle(Request req) {
        if (!token.equals(req.header("X-Auth-Token"))) {
            return error(401, "Unauthorized", req.header("X-Auth-Token") == null
                    ? "missing X-Auth-Token header" : "invalid X-Auth-Token", null);
        }
        // /v1/cloud/servers/{server}/snapshots[/{id}[/actions[/{actionId}]]]
        String[] p = req.path().substring(PREFIX.length()).split("/");
        if (p.length < 5 || !p[1].equals("cloud") || !p[2].equals("servers") || !p[4].equals("snapshots")
                || p.length > 8 || (p.length >= 7 && !p[6].equals("actions"))) {
            return error(404, "Not Found", "no such path: " + req.path(), null);
        }
        String server = p[3];
        if (!store.read(w -> LocawebWorld.of(w).servers.contains(server))) {
            return error(404, "Not Found", "server " + server + " not found", null);
        }
        String serverUrl = req.origin() + PREFIX + "/cloud/servers/" + server;
        try {
            if (p.length == 5) {
                return switch (req.method()) {
                    case "GET" -> list(req, server, serverUrl);
                    case "POST" -> create(req, server, serverUrl);
                    default -> notAllowed(req);
                };
            }
            long id = Long.parseLong(p[5]);
            if (p.length == 6) {
                return switch (req.method()) {
                    case "GET" -> get(server, id, serverUrl);
                    case "DELETE" -> delete(server, id);
                    default -> notAllowed(req);
                };
            }
            if (p.length == 7) {
                return switch (req.method()) {
                    case "GET" -> listActions(req, server, id, serverUrl);
                    case "POST" -> createAction(req, server, id, serverUrl);
                    default -> notAllowed(req);
                };
            }
            long actionId = Long.parseLong(p[7]);
            return req.method().equals("GET") ? getAction(server, id, actionId, serverUrl) : notAllowed(req);
        } catch (NumberFormatException e) {
            return error(404, "Not Found", "no such path: " + req.path() + " (ids are numbers)", null);
        }
    }

    private Reply list(Request req, String server, String serverUrl) {
        return paged(req, asked -> store.read(w -> {
            long now = store.now();
            Page page = asked.cappedAt(LocawebWorld.of(w).pageSizeCap);
            List<LocawebSnapshotRecord> all = LocawebWorld.of(w).snapshotsOf(server, now);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("data", page.slice(all).stream().map(s -> LocawebJson.snapshot(s, LocawebWorld.status(s, now))).toList());
            doc.put("links", page.links(serverUrl + "/snapshots", all.size()));
            doc.put("meta", Map.of("total", all.size()));
            return document(200, doc);
        }));
    }

    private Reply get(String server, long id, String serverUrl) {
        return store.read(w -> {
            long now = store.now();
            LocawebSnapshotRecord s = find(w, server, id, now);
            return s == null ? snapshotNotFound(server, id)
                    : document(200, LocawebJson.snapshotDocument(s, LocawebWorld.status(s, now), serverUrl));
        });
    }

    private Reply create(Request req, String server, String serverUrl) {
        JsonNode attributes = req.json() == null ? null : req.json().path("data").path("attributes");
        if (attributes == null || !attributes.isObject()) {
            return error(400, "Bad Request", "the body must be a JSON:API document: "
                    + "{\"data\":{\"type\":\"snapshots\",\"attributes\":{\"name\":\"...\",\"description\":\"...\"}}}", null);
        }
        JsonNode name = attributes.path("name");
        JsonNode description = attributes.path("description");
        if (!name.isTextual() || name.asText().isBlank()) {
            return error(422, "Unprocessable Entity", "name is required and must be a non-empty string",
                    "/data/attributes/name");
        }
        if (name.asText().length() > NAME_MAX) {
            return error(422, "Unprocessable Entity", "name is " + name.asText().length()
                    + " characters long; the maximum is " + NAME_MAX, "/data/attributes/name");
        }
        if (!description.isMissingNode() && !description.isNull() && !description.isTextual()) {
            return error(422, "Unprocessable Entity", "description must be a string or null", "/data/attributes/description");
        }
        if (description.isTextual() && description.asText().length() > DESCRIPTION_MAX) {
            return error(422, "Unprocessable Entity", "description is " + description.asText().length()
                    + " characters long; the maximum is " + DESCRIPTION_MAX, "/data/attributes/description");
        }
        return store.change(w -> {
            long now = store.now();
            LocawebSnapshotRecord s = new LocawebSnapshotRecord();
            s.id = LocawebWorld.of(w).nextSnapshot++;
            s.server = server;
            s.name = name.asText();
            s.description = description.isTextual() ? description.asText() : null;
            s.uuid = UUID.randomUUID().toString();
            s.takenAt = now;
            s.readyAt = now + w.timing.createMs();
            LocawebWorld.of(w).snapshots.put(s.id, s);
            return Store.Result.changed(document(201,
                    LocawebJson.snapshotDocument(s, LocawebWorld.status(s, now), serverUrl)));
        });
    }

    private Reply delete(String server, long id) {
        return store.change(w -> {
            long now = store.now();
            LocawebSnapshotRecord s = find(w, server, id, now);
            if (s == null) {
                return Store.Result.unchanged(snapshotNotFound(server, id));
            }
            String status = LocawebWorld.status(s, now);
            if (!status.equals("done") && !status.equals("error")) {
                return Store.Result.unchanged(error(409, "Conflict", "snapshot " + id + " is " + status
                        + "; only a done or error snapshot can be deleted", null));
            }
            s.deleteRequestedAt = now;
            s.deleteMs = w.timing.deleteMs();
            s.forcedStatus = null;
            return Store.Result.changed(Reply.empty(202));
        });
    }

    private Reply listActions(Request req, String server, long id, String serverUrl) {
        return paged(req, page -> store.read(w -> {
            long now = store.now();
            if (find(w, server, id, now) == null) {
                return snapshotNotFound(server, id);
            }
            String snapshotUrl = serverUrl + "/snapshots/" + id;
            List<LocawebActionRecord> all = LocawebWorld.of(w).actions.values().stream().filter(a -> a.snapshotId == id).toList();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("data", page.slice(all).stream()
                    .map(a -> LocawebJson.action(a, LocawebWorld.actionStatus(a, now), snapshotUrl)).toList());
            doc.put("links", page.links(snapshotUrl + "/actions", all.size()));
            doc.put("meta", Map.of("total", all.size()));
            return document(200, doc);
        }));
    }

    private Reply getAction(String server, long id, long actionId, String serverUrl) {
        return store.read(w -> {
            long now = store.now();
            LocawebActionRecord a = LocawebWorld.of(w).actions.get(actionId);
            if (find(w, server, id, now) == null || a == null || a.snapshotId != id) {
                return error(404, "Not Found", "action " + actionId + " of snapshot " + id + " not found", null);
            }
            return document(200, Map.of("data", LocawebJson.action(a, LocawebWorld.actionStatus(a, now),
                    serverUrl + "/snapshots/" + id)));
        });
    }

    private Reply createAction(Request req, String server, long id, String serverUrl) {
        JsonNode attributes = req.json() == null ? null : req.json().path("data").path("attributes");
        if (attributes == null || !attributes.isObject()) {
            return error(400, "Bad Request", "the body must be a JSON:API document: {\"data\":{\"type\":\"actions\","
                    + "\"attributes\":{\"resource_type\":\"snapshots\",\"resource_id\":\"" + id + "\",\"action\":\"revert\"}}}", null);
        }
        if (!"revert".equals(attributes.path("action").asText())) {
            return error(422, "Unprocessable Entity", "action '" + attributes.path("action").asText()
                    + "' is not supported; the only action is 'revert'", "/data/attributes/action");
        }
        if (!"snapshots".equals(attributes.path("resource_type").asText())) {
            return error(422, "Unprocessable Entity", "resource_type must be 'snapshots'", "/data/attributes/resource_type");
        }
        if (!Long.toString(id).equals(attributes.path("resource_id").asText())) {
            return error(422, "Unprocessable Entity", "resource_id must be this snapshot's id, '" + id + "'",
                    "/data/attributes/resource_id");
        }
        return store.change(w -> {
            long now = store.now();
            LocawebSnapshotRecord s = find(w, server, id, now);
            if (s == null) {
                return Store.Result.unchanged(snapshotNotFound(server, id));
            }
            String status = LocawebWorld.status(s, now);
            if (!status.equals("done")) {
                return Store.Result.unchanged(error(409, "Conflict", "snapshot " + id + " is " + status
                        + "; only a done snapshot can be reverted", null));
            }
            boolean serverBusy = LocawebWorld.of(w).snapshots.values().stream()
                    .anyMatch(o -> o.server.equals(server) && "reverting".equals(LocawebWorld.status(o, now)));
            if (serverBusy) {
                return Store.Result.unchanged(error(409, "Conflict", "server " + server
                        + " is already being reverted; wait until that revert is done", null));
            }
            LocawebActionRecord a = new LocawebActionRecord();
            a.id = LocawebWorld.of(w).nextAction++;
            a.snapshotId = id;
            a.server = server;
            a.startedAt = now;
            a.endsAt = now + w.timing.ms(REVERT_MS);
            LocawebWorld.of(w).actions.put(a.id, a);
            s.revertEndsAt = a.endsAt;
            return Store.Result.changed(document(201, Map.of("data",
                    LocawebJson.action(a, LocawebWorld.actionStatus(a, now), serverUrl + "/snapshots/" + id))));
        });
    }

    private static LocawebSnapshotRecord find(World w, String server, long id, long now) {
        LocawebSnapshotRecord s = LocawebWorld.of(w).snapshots.get(id);
        return s != null && s.server.equals(server) && LocawebWorld.status(s, now) != null ? s : null;
    }

    private static Reply snapshotNotFound(String server, long id) {
        return error(404, "Not Found", "snapshot " + id + " not found on server " + server, null);
    }

    /** Runs a listing with the page the request asks for, or answers 400 naming the bad parameter. */
    private static Reply paged(Request req, java.util.function.Function<Page, Reply> listing) {
        Page page;
        try {
            page = Page.parse(req.queryParam("page[number]"), req.queryParam("page[size]"));
        } catch (IllegalArgumentException e) {
            return error(400, "Bad Request", e.getMessage(), null);
        }
        return listing.apply(page);
    }

    private static Reply notAllowed(Request req) {
        return error(405, "Method Not Allowed", req.method() + " is not allowed on " + req.path(), null);
    }
}

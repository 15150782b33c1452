package com.vpssnap.emulator.vpsorg;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.emulator.http.Handler;
import com.vpssnap.emulator.http.Reply;
import com.vpssnap.emulator.http.Request;
import com.vpssnap.emulator.state.Store;
import com.vpssnap.emulator.state.World;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The VPS.org snapshot and server API under {@code /api/v1}, in Django REST framework's style. */
public final class VpsorgApi implements Handler {
    public static final String PREFIX = "/api/v1";
    /** How long a restore keeps the server {@code restoring}, in the emulator's timing. */
    public static final String RESTORE_MS = "restoreMs";
    public static final int SNAPSHOTS_PER_SERVER = 5;
    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 255;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private final Store store;
    private final String token;

    public VpsorgApi(Store store, String token) {
        this.store = store;
        this.token = token;
    }

    @Override
    public Reply handle(Request req) {
        String auth = req.header("Authorization");
        if (auth == null) {
            return detail(401, "Authentication credentials were not provided.");
        }
        if (!auth.equals("Bearer " + token)) {
            return detail(401, "Invalid token.");
        }
        String path = req.path().substring(PREFIX.length());
        String[] p = path.split("/");
        if (!path.endsWith("/") || p.length < 2) {
            return detail(404, "Not found.");
        }
        try {
            if (p[1].equals("snapshots")) {
                if (p.length == 2) {
                    return switch (req.method()) {
                        case "GET" -> listSnapshots(req);
                        case "POST" -> create(req);
                        default -> notAllowed(req);
                    };
                }
                long id = Long.parseLong(p[2]);
                if (p.length == 3) {
                    return req.method().equals("DELETE") ? delete(id) : notAllowed(req);
                }
                if (p.length == 4 && p[3].equals("restore")) {
                    return req.method().equals("POST") ? restore(id) : notAllowed(req);
                }
            } else if (p[1].equals("servers")) {
                if (p.length == 2) {
                    return req.method().equals("GET") ? listServers(req) : notAllowed(req);
                }
                if (p.length == 3) {
                    return req.method().equals("GET") ? server(Long.parseLong(p[2])) : notAllowed(req);
                }
            }
        } catch (NumberFormatException e) {
            return detail(404, "Not found.");
        }
        return detail(404, "Not found.");
    }

    private Reply listSnapshots(Request req) {
        Long serverId = null;
        if (req.queryParam("server_id") != null) {
            try {
                serverId = Long.parseLong(req.queryParam("server_id"));
            } catch (NumberFormatException e) {
                return Reply.json(400, Map.of("server_id", List.of("A valid integer is required.")));
            }
        }
        Long filter = serverId;
        return store.read(w -> {
            long now = store.now();
            List<Map<String, Object>> all = VpsorgWorld.of(w).snapshotsOf(filter).stream().map(s -> snapshot(w, s, now)).toList();
            String query = filter == null ? "" : "&server_id=" + filter;
            return paginated(req, all, req.origin() + PREFIX + "/snapshots/", query);
        });
    }

    private Reply listServers(Request req) {
        return store.read(w -> {
            long now = store.now();
            List<Map<String, Object>> all = VpsorgWorld.of(w).servers.values().stream().map(s -> server(s, now)).toList();
            return paginated(req, all, req.origin() + PREFIX + "/servers/", "");
        });
    }

    private Reply server(long id) {
        return store.read(w -> {
            VpsorgServerRecord s = VpsorgWorld.of(w).servers.get(id);
            return s == null ? detail(404, "Not found.") : Reply.json(200, server(s, store.now()));
        });
    }

    private Reply create(Request req) {
        JsonNode body = req.json();
        if (body == null || !body.isObject()) {
            return detail(400, "JSON parse error: the body must be an object with server_id, name and description.");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        JsonNode serverId = body.path("server_id");
        if (serverId.isMissingNode() || serverId.isNull()) {
            errors.put("server_id", List.of("This field is required."));
        } else if (!serverId.canConvertToExactIntegral() && !serverId.asText().matches("\\d+")) {
            errors.put("server_id", List.of("A valid integer is required."));
        }
        JsonNode name = body.path("name");
        if (name.isMissingNode() || name.isNull()) {
            errors.put("name", List.of("This field is required."));
        } else if (!name.isTextual()) {
            errors.put("name", List.of("Not a valid string."));
        } else if (name.asText().isEmpty()) {
            errors.put("name", List.of("This field may not be blank."));
        } else if (name.asText().length() > NAME_MAX) {
            errors.put("name", List.of("Ensure this field has no more than " + NAME_MAX + " characters."));
        } else if (!NAME.matcher(name.asText()).matches()) {
            errors.put("name", List.of("Only letters, digits, '-' and '_' are allowed; got '" + name.asText() + "'."));
        }
        JsonNode description = body.path("description");
        if (!description.isMissingNode() && !description.isNull() && !description.isTextual()) {
            errors.put("description", List.of("Not a valid string."));
        } else if (description.isTextual() && description.asText().length() > DESCRIPTION_MAX) {
            errors.put("description", List.of("Ensure this field has no more than " + DESCRIPTION_MAX + " characters."));
        }
        if (!errors.isEmpty()) {
            return Reply.json(400, errors);
        }
        long server = serverId.asLong();
        return store.change(w -> {
            long now = store.now();
            if (!VpsorgWorld.of(w).servers.containsKey(server)) {
                return Store.Result.unchanged(detail(404, "Server not found."));
            }
            // The limit check and the insert happen under one lock: parallel creates cannot pass it together.
            long existing = VpsorgWorld.of(w).snapshotsOf(server).size();
            if (existing >= SNAPSHOTS_PER_SERVER) {
                return Store.Result.unchanged(detail(400, "Snapshot limit reached: server " + server + " already has "
                        + existing + " snapshots (maximum " + SNAPSHOTS_PER_SERVER + ")."));
            }
            VpsorgSnapshotRecord s = new VpsorgSnapshotRecord();
            s.id = VpsorgWorld.of(w).nextSnapshot++;
            s.serverId = server;
            s.name = name.asText();
            s.description = description.isTextual() ? description.asText() : "";
            s.createdAt = now;
            s.readyAt = now + w.timing.createMs();
            s.sizeMb = 4096 + (s.id * 37) % 2048;
            VpsorgWorld.of(w).snapshots.put(s.id, s);
            Map<String, Object> answer = snapshot(w, s, now);
            answer.put("message", "Snapshot is being created. This may take 3-10 minutes depending on server size.");
            return Store.Result.changed(Reply.json(201, answer));
        });
    }

    private Reply restore(long id) {
        return store.change(w -> {
            long now = store.now();
            VpsorgSnapshotRecord s = VpsorgWorld.of(w).snapshots.get(id);
            if (s == null) {
                return Store.Result.unchanged(detail(404, "Not found."));
            }
            String status = VpsorgWorld.status(s, now);
            if (!status.equals("completed")) {
                return Store.Result.unchanged(detail(400, "Snapshot " + id + " is " + status
                        + "; only a completed snapshot can be restored."));
            }
            VpsorgServerRecord server = VpsorgWorld.of(w).servers.get(s.serverId);
            if (VpsorgWorld.serverStatus(server, now).equals("restoring")) {
                return Store.Result.unchanged(detail(400, "Server " + server.id
                        + " is not in a valid state for restoration: it is restoring."));
            }
            server.restoreEndsAt = now + w.timing.ms(RESTORE_MS);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", "success");
            answer.put("message", "Server is being restored from snapshot. This may take 5-15 minutes.");
            answer.put("snapshot", Map.of("id", s.id, "name", s.name, "created_at", timestamp(s.createdAt)));
            answer.put("server", server(server, now));
            return Store.Result.changed(Reply.json(200, answer));
        });
    }

    private Reply delete(long id) {
        return store.change(w -> VpsorgWorld.of(w).snapshots.remove(id) == null
                ? Store.Result.unchanged(detail(404, "Not found."))
                : Store.Result.changed(Reply.empty(204)));
    }

    private Reply paginated(Request req, List<Map<String, Object>> all, String url, String extraQuery) {
        int page;
        int size;
        try {
            page = req.queryParam("page") == null ? 1 : Integer.parseInt(req.queryParam("page"));
            size = req.queryParam("page_size") == null ? 20 : Integer.parseInt(req.queryParam("page_size"));
        } catch (NumberFormatException e) {
            return detail(404, "Invalid page.");
        }
        size = Math.max(1, Math.min(size, 100)); // DRF clamps page_size to max_page_size
        int last = Math.max(1, (all.size() + size - 1) / size);
        if (page < 1 || page > last) {
            return detail(404, "Invalid page.");
        }
        int from = (page - 1) * size;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", all.size());
        body.put("next", page < last ? url + "?page=" + (page + 1) + "&page_size=" + size + extraQuery : null);
        body.put("previous", page > 1 ? url + "?page=" + (page - 1) + "&page_size=" + size + extraQuery : null);
        body.put("results", all.subList(from, Math.min(all.size(), from + size)));
        return Reply.json(200, body);
    }

    public static Map<String, Object> snapshot(World w, VpsorgSnapshotRecord s, long now) {
        String status = VpsorgWorld.status(s, now);
        VpsorgServerRecord server = VpsorgWorld.of(w).servers.get(s.serverId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id);
        out.put("server", Map.of("id", s.serverId, "name", server == null ? "" : server.name));
        out.put("name", s.name);
        out.put("status", status);
        out.put("size_mb", status.equals("completed") ? s.sizeMb : null);
        out.put("created_at", timestamp(s.createdAt));
        out.put("description", s.description);
        return out;
    }

    public static Map<String, Object> server(VpsorgServerRecord s, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id);
        out.put("name", s.name);
        out.put("status", VpsorgWorld.serverStatus(s, now));
        return out;
    }

    private static String timestamp(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Reply detail(int status, String detail) {
        return Reply.json(status, Map.of("detail", detail));
    }

    private static Reply notAllowed(Request req) {
        return detail(405, "Method \"" + req.method() + "\" not allowed.");
    }
}

package com.vpssnap.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.emulator.RequestLog;
import com.vpssnap.emulator.Timing;
import com.vpssnap.emulator.faults.FaultRule;
import com.vpssnap.emulator.faults.FaultRules;
import com.vpssnap.emulator.http.Handler;
import com.vpssnap.emulator.http.Reply;
import com.vpssnap.emulator.http.Request;
import com.vpssnap.emulator.locaweb.LocawebApi;
import com.vpssnap.emulator.vpsorg.VpsorgApi;
import com.vpssnap.emulator.state.LocawebSnapshotRecord;
import com.vpssnap.emulator.state.Seed;
import com.vpssnap.emulator.state.Store;
import com.vpssnap.emulator.state.VpsorgServerRecord;
import com.vpssnap.emulator.state.VpsorgSnapshotRecord;
import com.vpssnap.emulator.state.World;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /_emulator}: what tests and users do behind the provider's back, and what they read back. */
public final class ControlApi implements Handler {
    public static final String PREFIX = "/_emulator";
    private static final Set<String> LOCAWEB_STATUSES =
            Set.of("creating", "done", "removing", "reverting", "waiting_deletion", "error");
    private static final Set<String> VPSORG_STATUSES = Set.of("in_progress", "completed", "failed");
    private final Store store;
    private final Seed seed;
    private final Timing startTiming;
    private final FaultRules faults;
    private final RequestLog log;

    public ControlApi(Store store, Seed seed, Timing startTiming, FaultRules faults, RequestLog log) {
        this.store = store;
        this.seed = seed;
        this.startTiming = startTiming;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public Reply handle(Request req) {
        String path = req.path().substring(PREFIX.length());
        String route = req.method() + " " + path.replaceAll("/\\d+", "/{n}").replaceAll("/servers/[^/]+/", "/servers/{s}/");
        try {
            return switch (route) {
                case "POST /reset" -> reset();
                case "GET /state" -> Reply.json(200, state());
                case "POST /servers" -> addServer(req.json());
                case "PUT /timing" -> timing(req.json());
                case "DELETE /locaweb/servers/{s}/snapshots/{n}" -> dropLocaweb(path.split("/")[3], segment(path, 5));
                case "PATCH /locaweb/servers/{s}/snapshots/{n}" -> patchLocaweb(path.split("/")[3], segment(path, 5), req.json());
                case "DELETE /vpsorg/snapshots/{n}" -> dropVpsorg(segment(path, 3));
                case "PATCH /vpsorg/snapshots/{n}" -> patchVpsorg(segment(path, 3), req.json());
                case "POST /faults" -> Reply.json(201, Map.of("id", faults.add(req.json()).id()));
                case "GET /faults" -> Reply.json(200, faults.describe());
                case "DELETE /faults" -> {
                    faults.clear();
                    yield Reply.empty(204);
                }
                case "DELETE /faults/{n}" -> faults.remove(segment(path, 2)) ? Reply.empty(204) : notFound("no fault rule " + path);
                case "GET /requests" -> Reply.json(200, log.entries());
                case "DELETE /requests" -> {
                    log.clear();
                    yield Reply.empty(204);
                }
                default -> notFound("no control call " + req.method() + " " + req.path() + "; see emulator/README.md");
            };
        } catch (IllegalArgumentException e) {
            return Reply.json(400, Map.of("detail", e.getMessage()));
        }
    }

    private Reply reset() {
        faults.clear();
        log.clear();
        store.change(w -> {
            seed.applyTo(w);
            w.timing = startTiming;
            return Store.Result.changed(null);
        });
        return Reply.empty(204);
    }

    private Map<String, Object> state() {
        return store.read(w -> {
            long now = store.now();
            w.purgeDeleted(now);
            List<Map<String, Object>> locaweb = new ArrayList<>();
            for (String server : w.locawebServers) {
                List<Object> snapshots = new ArrayList<>();
                for (LocawebSnapshotRecord s : w.locawebSnapshotsOf(server, now)) {
                    snapshots.add(LocawebApi.render(s, now));
                }
                locaweb.add(Map.of("name", server, "snapshots", snapshots));
            }
            List<Map<String, Object>> vpsorg = new ArrayList<>();
            for (VpsorgServerRecord server : w.vpsorgServers.values()) {
                Map<String, Object> s = new LinkedHashMap<>(VpsorgApi.server(server, now));
                s.put("snapshots", w.vpsorgSnapshotsOf(server.id).stream()
                        .map(snap -> VpsorgApi.snapshot(w, snap, now)).toList());
                vpsorg.add(s);
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("locaweb", Map.of("servers", locaweb));
            state.put("vpsorg", Map.of("servers", vpsorg));
            state.put("timing", w.timing);
            return state;
        });
    }

    private Reply addServer(JsonNode body) {
        String cloud = body == null ? "" : body.path("cloud").asText("");
        String name = body == null ? "" : body.path("name").asText("");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        return store.change(w -> {
            if (cloud.equals("locaweb")) {
                if (!w.locawebServers.contains(name)) {
                    w.locawebServers.add(name);
                }
            } else if (cloud.equals("vpsorg")) {
                long id = body.path("id").asLong(0);
                if (id <= 0) {
                    throw new IllegalArgumentException("id must be a whole number > 0 for a VPS.org server");
                }
                w.vpsorgServers.putIfAbsent(id, new VpsorgServerRecord(id, name));
            } else {
                throw new IllegalArgumentException("cloud must be 'locaweb' or 'vpsorg'; got '" + cloud + "'");
            }
            return Store.Result.changed(Reply.empty(201));
        });
    }

    private Reply timing(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be {\"createMs\",\"deleteMs\",\"revertMs\",\"restoreMs\"} (any subset)");
        }
        return store.change(w -> {
            Timing t = w.timing;
            w.timing = new Timing(body.path("createMs").asLong(t.createMs()), body.path("deleteMs").asLong(t.deleteMs()),
                    body.path("revertMs").asLong(t.revertMs()), body.path("restoreMs").asLong(t.restoreMs()));
            return Store.Result.changed(Reply.json(200, w.timing));
        });
    }

    /** A Locaweb snapshot is addressed by its server too, as in the API: the wrong server finds nothing. */
    private Reply dropLocaweb(String server, long id) {
        return store.change(w -> {
            LocawebSnapshotRecord s = w.locawebSnapshots.get(id);
            if (s == null || !s.server.equals(server)) {
                return Store.Result.unchanged(notFound("no Locaweb snapshot " + id + " on server " + server));
            }
            w.locawebSnapshots.remove(id);
            return Store.Result.changed(Reply.empty(204));
        });
    }

    private Reply patchLocaweb(String server, long id, JsonNode body) {
        return store.change(w -> {
            LocawebSnapshotRecord s = w.locawebSnapshots.get(id);
            if (s == null || !s.server.equals(server)) {
                return Store.Result.unchanged(notFound("no Locaweb snapshot " + id + " on server " + server));
            }
            String status = text(body, "status", LOCAWEB_STATUSES);
            s.name = body.hasNonNull("name") ? body.path("name").asText() : s.name;
            s.description = body.has("description") ? (body.path("description").isNull() ? null : body.path("description").asText()) : s.description;
            s.forcedStatus = status == null ? s.forcedStatus : status;
            return Store.Result.changed(Reply.empty(204));
        });
    }

    private Reply dropVpsorg(long id) {
        return store.change(w -> w.vpsorgSnapshots.remove(id) == null
                ? Store.Result.unchanged(notFound("no VPS.org snapshot " + id))
                : Store.Result.changed(Reply.empty(204)));
    }

    private Reply patchVpsorg(long id, JsonNode body) {
        return store.change(w -> {
            VpsorgSnapshotRecord s = w.vpsorgSnapshots.get(id);
            if (s == null) {
                return Store.Result.unchanged(notFound("no VPS.org snapshot " + id));
            }
            String status = text(body, "status", VPSORG_STATUSES);
            s.name = body.hasNonNull("name") ? body.path("name").asText() : s.name;
            s.description = body.hasNonNull("description") ? body.path("description").asText() : s.description;
            s.forcedStatus = status == null ? s.forcedStatus : status;
            return Store.Result.changed(Reply.empty(204));
        });
    }

    private static String text(JsonNode body, String field, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        if (!body.hasNonNull(field)) {
            return null;
        }
        String value = body.path(field).asText();
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(field + " must be one of " + allowed + "; got '" + value + "'");
        }
        return value;
    }

    private static long segment(String path, int index) {
        return Long.parseLong(path.split("/")[index]);
    }

    private static Reply notFound(String detail) {
        return Reply.json(404, Map.of("detail", detail));
    }
}

package com.vpssnap.emulator.vpsorg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.emulator.state.CloudState;
import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.emulator.http.Handler;
import com.vpssnap.emulator.http.Reply;
import com.vpssnap.emulator.http.Request;
import com.vpssnap.emulator.state.Store;
import com.vpssnap.emulator.state.World;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.vpssnap.emulator.clouds.ControlReplies.notFound;
import static com.vpssnap.emulator.clouds.ControlReplies.oneOf;

/** VPS.org in the emulator: its API, its world, its control routes and its seed. */
public final class VpsorgEmulation implements EmulatedCloud {
    static final String NAME = "vpsorg";
    private static final Identity IDENTITY = new Identity(NAME, "VPS.org", "vps-demo-token", VpsorgApi.PREFIX, VpsorgWorld.class);
    private static final Set<String> STATUSES = Set.of("in_progress", "completed", "failed");

    @Override
    public Identity identity() {
        return IDENTITY;
    }

    /** How long a server stays {@code restoring}. */
    @Override
    public List<String> timings() {
        return List.of(VpsorgApi.RESTORE_MS);
    }

    @Override
    public Handler api(Store store, String token) {
        return new VpsorgApi(store, token);
    }

    @Override
    public JsonNode defaultSeed() {
        return new ObjectMapper().valueToTree(List.of(Map.of("id", 12345, "name", "web-server-01"),
                Map.of("id", 12346, "name", "db-server-01"), Map.of("id", 12347, "name", "worker-01")));
    }

    @Override
    public CloudState seeded(JsonNode seed) {
        VpsorgWorld world = new VpsorgWorld();
        for (JsonNode server : seed) {
            long id = server.path("id").asLong();
            String name = server.path("name").asText("");
            if (id <= 0 || name.isBlank()) {
                throw new IllegalArgumentException("every VPS.org server needs an id > 0 and a name");
            }
            world.servers.put(id, new VpsorgServerRecord(id, name));
        }
        return world;
    }

    @Override
    public Map<String, Object> describe(World world, long now) {
        VpsorgWorld vpsorg = VpsorgWorld.of(world);
        List<Map<String, Object>> servers = new ArrayList<>();
        for (VpsorgServerRecord server : vpsorg.servers.values()) {
            Map<String, Object> s = new LinkedHashMap<>(VpsorgApi.server(server, now));
            s.put("snapshots", vpsorg.snapshotsOf(server.id).stream().map(snap -> VpsorgApi.snapshot(world, snap, now)).toList());
            servers.add(s);
        }
        return Map.of("servers", servers);
    }

    @Override
    public void addServer(World world, JsonNode body) {
        long id = body.path("id").asLong(0);
        if (id <= 0) {
            throw new IllegalArgumentException("id must be a whole number > 0 for a VPS.org server");
        }
        VpsorgWorld.of(world).servers.putIfAbsent(id, new VpsorgServerRecord(id, body.path("name").asText()));
    }

    /** {@code DELETE|PATCH /snapshots/{n}}. */
    @Override
    public Reply control(Store store, Request req, String path) {
        String[] p = path.split("/");
        if (p.length == 3 && p[1].equals("servers") && p[2].matches("\\d+") && req.method().equals("PATCH")) {
            return patchServer(store, Long.parseLong(p[2]), req.json());
        }
        if (p.length != 3 || !p[1].equals("snapshots") || !p[2].matches("\\d+")) {
            return notFound("no control call " + req.method() + " " + req.path() + "; see emulator/README.md");
        }
        long id = Long.parseLong(p[2]);
        return switch (req.method()) {
            case "DELETE" -> store.change(w -> VpsorgWorld.of(w).snapshots.remove(id) == null
                    ? Store.Result.unchanged(notFound("no VPS.org snapshot " + id))
                    : Store.Result.changed(Reply.empty(204)));
            case "PATCH" -> patch(store, id, req.json());
            default -> notFound("no control call " + req.method() + " " + req.path() + "; see emulator/README.md");
        };
    }

    /** {"status":"active"} ends a restore now: a test holds one with a long restoreMs, then lets it finish. */
    private static Reply patchServer(Store store, long id, JsonNode body) {
        return store.change(w -> {
            VpsorgServerRecord server = VpsorgWorld.of(w).servers.get(id);
            if (server == null) {
                return Store.Result.unchanged(notFound("no VPS.org server " + id));
            }
            if (oneOf(body, "status", Set.of("active")) == null) {
                throw new IllegalArgumentException("the body must be {\"status\": \"active\"}");
            }
            server.restoreEndsAt = null;
            return Store.Result.changed(Reply.empty(204));
        });
    }

    private static Reply patch(Store store, long id, JsonNode body) {
        return store.change(w -> {
            VpsorgSnapshotRecord s = VpsorgWorld.of(w).snapshots.get(id);
            if (s == null) {
                return Store.Result.unchanged(notFound("no VPS.org snapshot " + id));
            }
            String status = oneOf(body, "status", STATUSES);
            s.name = body.hasNonNull("name") ? body.path("name").asText() : s.name;
            s.description = body.hasNonNull("description") ? body.path("description").asText() : s.description;
            s.forcedStatus = status == null ? s.forcedStatus : status;
            return Store.Result.changed(Reply.empty(204));
        });
    }
}

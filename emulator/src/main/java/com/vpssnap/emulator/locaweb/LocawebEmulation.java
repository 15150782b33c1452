package com.vpssnap.emulator.locaweb;

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
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.vpssnap.emulator.clouds.ControlReplies.notFound;
import static com.vpssnap.emulator.clouds.ControlReplies.oneOf;

/** Locaweb Cloud in the emulator: its API, its world, its control routes and its seed. */
public final class LocawebEmulation implements EmulatedCloud {
    static final String NAME = "locaweb";
    private static final Identity IDENTITY = new Identity(NAME, "Locaweb", "lw-demo-token", LocawebApi.PREFIX, LocawebWorld.class);
    private static final Set<String> STATUSES = Set.of("creating", "done", "removing", "reverting", "waiting_deletion", "error");

    @Override
    public Identity identity() {
        return IDENTITY;
    }

    /** How long a revert action runs. */
    @Override
    public List<String> timings() {
        return List.of(LocawebApi.REVERT_MS);
    }

    @Override
    public Handler api(Store store, String token) {
        return new LocawebApi(store, token);
    }

    @Override
    public JsonNode defaultSeed() {
        return new ObjectMapper().valueToTree(List.of(Map.of("name", "cpro0299"), Map.of("name", "cpro0300"),
                Map.of("name", "cpro0301")));
    }

    @Override
    public CloudState seeded(JsonNode seed) {
        LocawebWorld world = new LocawebWorld();
        for (JsonNode server : seed) {
            String name = server.path("name").asText("");
            if (name.isBlank()) {
                throw new IllegalArgumentException("every Locaweb server needs a name");
            }
            world.servers.add(name);
        }
        return world;
    }

    @Override
    public Map<String, Object> describe(World world, long now) {
        LocawebWorld locaweb = LocawebWorld.of(world);
        locaweb.purgeDeleted(now);
        List<Map<String, Object>> servers = new ArrayList<>();
        for (String server : locaweb.servers) {
            List<Object> snapshots = new ArrayList<>();
            for (LocawebSnapshotRecord s : locaweb.snapshotsOf(server, now)) {
                snapshots.add(LocawebJson.snapshot(s, LocawebWorld.status(s, now)));
            }
            servers.add(Map.of("name", server, "snapshots", snapshots));
        }
        return Map.of("servers", servers);
    }

    @Override
    public void addServer(World world, JsonNode body) {
        List<String> servers = LocawebWorld.of(world).servers;
        String name = body.path("name").asText("");
        if (!servers.contains(name)) {
            servers.add(name);
        }
    }

    /** {@code DELETE|PATCH /servers/{s}/snapshots/{n}}: addressed by its server too, as in the API. */
    @Override
    public Reply control(Store store, Request req, String path) {
        if (path.equals("/page-size") && req.method().equals("PUT")) {
            return pageSize(store, req.json());
        }
        String[] p = path.split("/");
        if (p.length != 5 || !p[1].equals("servers") || !p[3].equals("snapshots") || !p[4].matches("\\d+")) {
            return notFound("no control call " + req.method() + " " + req.path() + "; see emulator/README.md");
        }
        String server = p[2];
        long id = Long.parseLong(p[4]);
        return switch (req.method()) {
            case "DELETE" -> drop(store, server, id);
            case "PATCH" -> patch(store, server, id, req.json());
            default -> notFound("no control call " + req.method() + " " + req.path() + "; see emulator/README.md");
        };
    }

    /** {@code PUT /page-size {"max": N}}: the largest page a snapshot listing serves from now on (1 to 100). */
    private static Reply pageSize(Store store, JsonNode body) {
        int max = body.path("max").asInt(0);
        if (max < 1 || max > Page.MAX_SIZE) {
            return Reply.json(400, java.util.Map.of("error", "max must be a whole number from 1 to " + Page.MAX_SIZE));
        }
        return store.change(w -> {
            LocawebWorld.of(w).pageSizeCap = max;
            return Store.Result.changed(Reply.empty(204));
        });
    }

    private static Reply drop(Store store, String server, long id) {
        return store.change(w -> {
            Map<Long, LocawebSnapshotRecord> snapshots = LocawebWorld.of(w).snapshots;
            LocawebSnapshotRecord s = snapshots.get(id);
            if (s == null || !s.server.equals(server)) {
                return Store.Result.unchanged(notFound("no Locaweb snapshot " + id + " on server " + server));
            }
            snapshots.remove(id);
            return Store.Result.changed(Reply.empty(204));
        });
    }

    private static Reply patch(Store store, String server, long id, JsonNode body) {
        return store.change(w -> {
            LocawebSnapshotRecord s = LocawebWorld.of(w).snapshots.get(id);
            if (s == null || !s.server.equals(server)) {
                return Store.Result.unchanged(notFound("no Locaweb snapshot " + id + " on server " + server));
            }
            String status = oneOf(body, "status", STATUSES);
            s.name = body.hasNonNull("name") ? body.path("name").asText() : s.name;
            s.description = body.has("description") ? (body.path("description").isNull() ? null : body.path("description").asText()) : s.description;
            s.forcedStatus = status == null ? s.forcedStatus : status;
            return Store.Result.changed(Reply.empty(204));
        });
    }
}

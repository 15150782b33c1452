package com.vpssnap.provider.thirdcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.emulator.http.Handler;
import com.vpssnap.emulator.http.Reply;
import com.vpssnap.emulator.http.Request;
import com.vpssnap.emulator.state.CloudState;
import com.vpssnap.emulator.state.Store;
import com.vpssnap.emulator.state.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Acme, a cloud only the tests know, in the emulator: machines by name, snapshots that are ready
 * as soon as they are made, and a rollback. Tiny on purpose: it is here to prove that a cloud is
 * one module on each side (this, and {@link AcmeCloud}), not to be a third faithful cloud.
 *
 * <pre>
 * GET    /acme/v1/machines/{m}/snapshots            {"snapshots": [snapshot...]}
 * POST   /acme/v1/machines/{m}/snapshots            {"label", "note"} → 201 snapshot
 * GET    /acme/v1/machines/{m}/snapshots/{id}       snapshot
 * DELETE /acme/v1/machines/{m}/snapshots/{id}       204
 * POST   /acme/v1/machines/{m}/snapshots/{id}/rollback  200 {"rolledBack": id}
 * errors: {"error": "..."}; the key goes in X-Acme-Key
 * </pre>
 */
public final class AcmeEmulation implements EmulatedCloud {
    static final String NAME = "acme";
    static final String PREFIX = "/acme/v1";
    static final String TOKEN = "acme-demo-key";
    private static final Identity IDENTITY = new Identity(NAME, "Acme", TOKEN, PREFIX, AcmeWorld.class);

    /** Acme's part of the world. */
    public static final class AcmeWorld implements CloudState {
        public List<String> machines = new ArrayList<>();
        public Map<Long, Snapshot> snapshots = new LinkedHashMap<>();
        public long next = 1;
        /** Rollbacks done, by machine: what a test checks a revert by. */
        public Map<String, List<Long>> rollbacks = new LinkedHashMap<>();

        static AcmeWorld of(World world) {
            return world.state(NAME, AcmeWorld.class);
        }
    }

    /** One Acme snapshot as stored. */
    public static final class Snapshot {
        public long id;
        public String machine;
        public String label;
        public String note;
        public long created;
    }

    @Override
    public Identity identity() {
        return IDENTITY;
    }

    @Override
    public Handler api(Store store, String token) {
        return request -> handle(store, token, request);
    }

    @Override
    public CloudState seeded(JsonNode seed) {
        AcmeWorld world = new AcmeWorld();
        if (seed != null) {
            seed.forEach(machine -> world.machines.add(machine.asText()));
        }
        return world;
    }

    @Override
    public JsonNode defaultSeed() {
        return new ObjectMapper().valueToTree(List.of("m1", "m2"));
    }

    @Override
    public Map<String, Object> describe(World world, long now) {
        AcmeWorld acme = AcmeWorld.of(world);
        List<Map<String, Object>> machines = new ArrayList<>();
        for (String machine : acme.machines) {
            machines.add(Map.of("name", machine, "snapshots", snapshotsOf(acme, machine),
                    "rollbacks", acme.rollbacks.getOrDefault(machine, List.of())));
        }
        return Map.of("machines", machines);
    }

    @Override
    public void addServer(World world, JsonNode body) {
        AcmeWorld.of(world).machines.add(body.path("name").asText());
    }

    @Override
    public Reply control(Store store, Request request, String path) {
        return error(404, "Acme has no control calls");
    }

    private static Reply handle(Store store, String token, Request req) {
        if (!token.equals(req.header("X-Acme-Key"))) {
            return error(401, "a valid X-Acme-Key is required");
        }
        String[] p = req.path().substring(PREFIX.length()).split("/");
        // "", "machines", m, "snapshots"[, id[, "rollback"]]
        if (p.length < 4 || !p[1].equals("machines") || !p[3].equals("snapshots")) {
            return error(404, "no such path");
        }
        String machine = p[2];
        return store.change(w -> {
            AcmeWorld acme = AcmeWorld.of(w);
            if (!acme.machines.contains(machine)) {
                return Store.Result.unchanged(error(404, "no machine " + machine));
            }
            if (p.length == 4) {
                return switch (req.method()) {
                    case "GET" -> Store.Result.unchanged(Reply.json(200, Map.of("snapshots", snapshotsOf(acme, machine))));
                    case "POST" -> create(acme, machine, req.json(), store.now());
                    default -> Store.Result.unchanged(error(405, req.method() + " is not allowed here"));
                };
            }
            Snapshot s = p[4].matches("\\d+") ? acme.snapshots.get(Long.parseLong(p[4])) : null;
            if (s == null || !s.machine.equals(machine)) {
                return Store.Result.unchanged(error(404, "no snapshot " + p[4] + " on machine " + machine));
            }
            if (p.length == 5 && req.method().equals("GET")) {
                return Store.Result.unchanged(Reply.json(200, json(s)));
            }
            if (p.length == 5 && req.method().equals("DELETE")) {
                acme.snapshots.remove(s.id);
                return Store.Result.changed(Reply.empty(204));
            }
            if (p.length == 6 && p[5].equals("rollback") && req.method().equals("POST")) {
                acme.rollbacks.computeIfAbsent(machine, m -> new ArrayList<>()).add(s.id);
                return Store.Result.changed(Reply.json(200, Map.of("rolledBack", s.id)));
            }
            return Store.Result.unchanged(error(405, req.method() + " is not allowed here"));
        });
    }

    private static Store.Result<Reply> create(AcmeWorld acme, String machine, JsonNode body, long now) {
        String label = body == null ? "" : body.path("label").asText("");
        if (label.isEmpty()) {
            return Store.Result.unchanged(error(422, "label is required"));
        }
        Snapshot s = new Snapshot();
        s.id = acme.next++;
        s.machine = machine;
        s.label = label;
        s.note = body.path("note").asText("");
        s.created = now;
        acme.snapshots.put(s.id, s);
        return Store.Result.changed(Reply.json(201, json(s)));
    }

    private static List<Map<String, Object>> snapshotsOf(AcmeWorld acme, String machine) {
        return acme.snapshots.values().stream().filter(s -> s.machine.equals(machine)).map(AcmeEmulation::json).toList();
    }

    private static Map<String, Object> json(Snapshot s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id);
        out.put("machine", s.machine);
        out.put("label", s.label);
        out.put("note", s.note);
        out.put("state", "ready");
        out.put("created", Instant.ofEpochMilli(s.created).toString());
        return out;
    }

    private static Reply error(int status, String message) {
        return Reply.json(status, Map.of("error", message));
    }
}

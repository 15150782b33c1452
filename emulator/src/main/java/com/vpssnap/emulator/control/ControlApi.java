package com.vpssnap.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.emulator.RequestLog;
import com.vpssnap.emulator.Timing;
import com.vpssnap.emulator.faults.FaultRules;
import com.vpssnap.emulator.http.Handler;
import com.vpssnap.emulator.http.Reply;
import com.vpssnap.emulator.http.Request;
import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.emulator.state.Seed;
import com.vpssnap.emulator.state.Store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.vpssnap.emulator.clouds.ControlReplies.notFound;

/**
 * {@code /_emulator}: what tests and users do behind the provider's back, and what they read back.
 * The routes every cloud shares are here; {@code /_emulator/<cloud>/...} goes to that cloud's module.
 */
public final class ControlApi implements Handler {
    public static final String PREFIX = "/_emulator";
    private final List<EmulatedCloud> clouds;
    private final Store store;
    private final Seed seed;
    private final Timing startTiming;
    private final FaultRules faults;
    private final RequestLog log;

    /** @param clouds every emulated cloud (the registry, EmulatedClouds.ALL): their routes, state and seed */
    public ControlApi(List<EmulatedCloud> clouds, Store store, Seed seed, Timing startTiming, FaultRules faults, RequestLog log) {
        this.clouds = clouds;
        this.store = store;
        this.seed = seed;
        this.startTiming = startTiming;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public Reply handle(Request req) {
        String path = req.path().substring(PREFIX.length());
        String route = req.method() + " " + path.replaceAll("/\\d+", "/{n}");
        Optional<EmulatedCloud> cloud = named(path.split("/").length > 1 ? path.split("/")[1] : "");
        try {
            if (cloud.isPresent()) {
                return cloud.get().control(store, req, path.substring(cloud.get().name().length() + 1));
            }
            return switch (route) {
                case "POST /reset" -> reset();
                case "GET /state" -> Reply.json(200, state());
                case "POST /servers" -> addServer(req.json());
                case "PUT /timing" -> timing(req.json());
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
            EmulatedCloud.reset(clouds, w, seed);
            w.timing = startTiming;
            return Store.Result.changed(null);
        });
        return Reply.empty(204);
    }

    private Map<String, Object> state() {
        return store.read(w -> {
            long now = store.now();
            Map<String, Object> state = new LinkedHashMap<>();
            clouds.forEach(cloud -> state.put(cloud.name(), cloud.describe(w, now)));
            state.put("timing", w.timing);
            return state;
        });
    }

    private Reply addServer(JsonNode body) {
        String cloudName = body == null ? "" : body.path("cloud").asText("");
        String name = body == null ? "" : body.path("name").asText("");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        EmulatedCloud cloud = named(cloudName).orElseThrow(() -> new IllegalArgumentException("cloud must be "
                + String.join(" or ", clouds.stream().map(c -> "'" + c.name() + "'").toList()) + "; got '" + cloudName + "'"));
        return store.change(w -> {
            cloud.addServer(w, body);
            return Store.Result.changed(Reply.empty(201));
        });
    }

    /** Changes the named delays the body gives (any subset); an unknown name is refused with the names there are. */
    private Reply timing(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be an object of delays in milliseconds, any subset of "
                    + startTiming.names());
        }
        return store.change(w -> {
            Timing t = w.timing;
            for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) body::fields) {
                if (!field.getValue().canConvertToExactIntegral()) {
                    throw new IllegalArgumentException(field.getKey() + " is " + field.getValue() + "; a delay is a whole number of milliseconds");
                }
                t = t.with(field.getKey(), field.getValue().asLong());
            }
            w.timing = t;
            return Store.Result.changed(Reply.json(200, w.timing));
        });
    }

    private Optional<EmulatedCloud> named(String name) {
        return clouds.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static long segment(String path, int index) {
        return Long.parseLong(path.split("/")[index]);
    }
}

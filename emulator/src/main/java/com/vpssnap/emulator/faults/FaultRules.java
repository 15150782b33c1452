package com.vpssnap.emulator.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The fault rules in the order added; the first that fires decides. */
public final class FaultRules {
    private final List<FaultRule> rules = new ArrayList<>();
    private final Map<Long, Integer> hits = new LinkedHashMap<>();
    private long nextId = 1;

    /** Parses and adds a rule; throws IllegalArgumentException naming the bad field. */
    public synchronized FaultRule add(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object describing the rule");
        }
        String path = json.path("path").asText("");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must be a glob starting with '/', e.g. /api/v1/snapshots/");
        }
        FaultRule.Action action = FaultRule.Action.parse(json.path("action").asText("status"));
        int status = json.path("status").asInt(503);
        if (action == FaultRule.Action.STATUS && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be from 400 to 599; got " + status);
        }
        if (action == FaultRule.Action.BODY) {
            // The answer's status, which a body fault must name (200, 201, 502, ...).
            status = json.path("status").asInt(0);
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("a body fault needs a status from 200 to 599; got " + status);
            }
        }
        double probability = json.path("probability").asDouble(1.0);
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be from 0 to 1; got " + probability);
        }
        FaultRule rule = new FaultRule(nextId++, json.path("method").asText("*").toUpperCase(), path, action, status,
                probability, json.hasNonNull("count") ? json.path("count").asInt() : null,
                json.hasNonNull("retryAfterSeconds") ? json.path("retryAfterSeconds").asInt() : null,
                json.path("latencyMs").asLong(0), json.path("jitterMs").asLong(0),
                json.path("body").asText(""), json.path("contentType").asText("application/json"),
                json.path("sizeBytes").asLong(8L << 20));
        rules.add(rule);
        hits.put(rule.id(), 0);
        return rule;
    }

    /** The rule that fires for this request, if any; firing counts as a hit. */
    public synchronized Optional<FaultRule> fire(String method, String path) {
        for (FaultRule rule : rules) {
            if (!rule.matches(method, path)) {
                continue;
            }
            int used = hits.get(rule.id());
            if (rule.count() != null && used >= rule.count()) {
                continue;
            }
            if (rule.probability() >= 1 || ThreadLocalRandom.current().nextDouble() < rule.probability()) {
                hits.put(rule.id(), used + 1);
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public synchronized List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FaultRule r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("method", r.method());
            m.put("path", r.path());
            m.put("action", r.action().wireName());
            m.put("status", r.status());
            m.put("probability", r.probability());
            m.put("count", r.count());
            m.put("retryAfterSeconds", r.retryAfterSeconds());
            m.put("latencyMs", r.latencyMs());
            m.put("jitterMs", r.jitterMs());
            m.put("hits", hits.get(r.id()));
            out.add(m);
        }
        return out;
    }

    public synchronized boolean remove(long id) {
        hits.remove(id);
        return rules.removeIf(r -> r.id() == id);
    }

    public synchronized void clear() {
        rules.clear();
        hits.clear();
    }
}

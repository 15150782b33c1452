package com.vpssnap.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.vpssnap.emulator.RequestLog;
import com.vpssnap.emulator.faults.FaultRule;
import com.vpssnap.emulator.faults.FaultRules;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes each request to its API, applies fault rules, logs the call, and writes the reply.
 * Control calls (/_emulator) are never faulted nor logged.
 */
public final class Dispatcher implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Handler> apisByPrefix;
    private final Handler control;
    private final String controlPrefix;
    private final FaultRules faults;
    private final RequestLog log;

    public Dispatcher(Map<String, Handler> apisByPrefix, String controlPrefix, Handler control, FaultRules faults,
                      RequestLog log) {
        this.apisByPrefix = apisByPrefix;
        this.control = control;
        this.controlPrefix = controlPrefix;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Request req = parse(exchange);
        if (req.path().equals(controlPrefix) || req.path().startsWith(controlPrefix + "/")) {
            write(exchange, control.handle(req));
            return;
        }
        Optional<String> prefix = apisByPrefix.keySet().stream()
                .filter(p -> req.path().equals(p) || req.path().startsWith(p + "/")).findFirst();
        if (prefix.isEmpty()) {
            write(exchange, Reply.json(404, Map.of("detail", "no API at " + req.path()
                    + "; Locaweb is under /v1, VPS.org under /api/v1, control under /_emulator")));
            return;
        }
        Handler api = apisByPrefix.get(prefix.get());
        Optional<FaultRule> fault = faults.fire(req.method(), req.path());
        Long faultId = fault.map(FaultRule::id).orElse(null);
        if (fault.isPresent()) {
            FaultRule rule = fault.get();
            switch (rule.action()) {
                case STATUS -> {
                    Reply reply = faultReply(prefix.get(), rule);
                    log.record(req.method(), req.path(), req.rawQuery(), reply.status(), faultId);
                    write(exchange, reply);
                    return;
                }
                case DROP -> {
                    log.record(req.method(), req.path(), req.rawQuery(), 0, faultId);
                    throw new DropConnection();
                }
                case LOST_RESPONSE -> {
                    Reply performed = api.handle(req);
                    log.record(req.method(), req.path(), req.rawQuery(), performed.status(), faultId);
                    throw new DropConnection();
                }
                case LATENCY -> sleep(rule.latencyMs()
                        + (rule.jitterMs() > 0 ? ThreadLocalRandom.current().nextLong(rule.jitterMs() + 1) : 0));
                case BODY, TRUNCATE, HUGE, STALL -> {
                    // The request is performed; only its answer is spoiled, as a proxy or a cut line would.
                    Reply performed = api.handle(req);
                    log.record(req.method(), req.path(), req.rawQuery(), performed.status(), faultId);
                    MalformedAnswers.write(exchange, rule, performed, bytes(performed));
                    return;
                }
            }
        }
        Reply reply = api.handle(req);
        log.record(req.method(), req.path(), req.rawQuery(), reply.status(), faultId);
        write(exchange, reply);
    }

    /** An injected error in the style of the API it hits. */
    private static Reply faultReply(String prefix, FaultRule rule) {
        String text = "injected fault " + rule.id() + ": HTTP " + rule.status();
        Reply reply = prefix.equals("/v1")
                ? Reply.of(rule.status(), Map.of("errors", List.of(Map.of("status", Integer.toString(rule.status()),
                "title", "Injected fault", "detail", text))), "application/vnd.api+json")
                : Reply.json(rule.status(), Map.of("detail", text));
        return rule.retryAfterSeconds() == null ? reply : reply.withHeader("Retry-After", rule.retryAfterSeconds().toString());
    }

    private static Request parse(HttpExchange exchange) throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                query.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.isEmpty() ? "" : v.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String host = headers.getOrDefault("host", "127.0.0.1:" + exchange.getLocalAddress().getPort());
        return new Request(exchange.getRequestMethod().toUpperCase(), exchange.getRequestURI().getPath(), rawQuery,
                query, headers, body, host);
    }

    /** The bytes an answer's body would be sent as. */
    static byte[] bytes(Reply reply) throws IOException {
        return reply.body() == null ? new byte[0] : JSON.writeValueAsBytes(reply.body());
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.FINE, "latency fault interrupted", e);
        }
    }
}

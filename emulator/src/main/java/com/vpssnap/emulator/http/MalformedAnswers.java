package com.vpssnap.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.vpssnap.emulator.faults.FaultRule;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The spoiled answers of the body, truncate, huge and stall faults, written byte by byte. */
final class MalformedAnswers {
    private MalformedAnswers() {
    }

    static void write(HttpExchange exchange, FaultRule rule, Reply performed, byte[] real) throws IOException {
        switch (rule.action()) {
            case BODY -> send(exchange, rule.status(), rule.replyType(), rule.replyBody().getBytes(StandardCharsets.UTF_8));
            case TRUNCATE -> send(exchange, performed.status(), performed.contentType(), Arrays.copyOf(real, real.length / 2));
            case HUGE -> huge(exchange, rule.sizeBytes());
            case STALL -> stall(exchange, performed, real, rule.latencyMs());
            default -> throw new IllegalArgumentException("not a malformed-answer fault: " + rule.action());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A JSON-looking document of {@code size} bytes, streamed in chunks: the emulator never holds it. */
    private static void huge(HttpExchange exchange, long size) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",".repeat(128).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
            for (long sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk);
            }
            out.write("\"\"]}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientGaveUp) {
            // The client stopped reading, as it should: nothing more to send.
        }
    }

    /** The headers and half the body, then silence until the client's read timeout or {@code stallMs}. */
    private static void stall(HttpExchange exchange, Reply performed, byte[] real, long stallMs) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", performed.contentType());
        exchange.sendResponseHeaders(performed.status(), real.length);
        OutputStream out = exchange.getResponseBody();
        out.write(real, 0, real.length / 2);
        out.flush();
        try {
            Thread.sleep(stallMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }
}

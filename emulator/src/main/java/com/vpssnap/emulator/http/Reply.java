package com.vpssnap.emulator.http;

import java.util.Map;

/** An answer, built before it is sent so that a fault can drop it after the work is done. */
public record Reply(int status, Object body, String contentType, Map<String, String> headers) {
    public static final String JSON = "application/json";

    public static Reply json(int status, Object body) {
        return new Reply(status, body, JSON, Map.of());
    }

    public static Reply of(int status, Object body, String contentType) {
        return new Reply(status, body, contentType, Map.of());
    }

    public static Reply empty(int status) {
        return new Reply(status, null, JSON, Map.of());
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, body, contentType, all);
    }
}

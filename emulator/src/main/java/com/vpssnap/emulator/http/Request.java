package com.vpssnap.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** One parsed HTTP request: what the API handlers read. Header values are looked up, never logged. */
public record Request(String method, String path, String rawQuery, Map<String, String> query,
                      Map<String, String> headers, String body, String host) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    public String queryParam(String name) {
        return query.get(name);
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** The base of absolute links in answers, as the client addressed us. */
    public String origin() {
        return "http://" + host;
    }
}

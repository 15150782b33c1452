package com.vpssnap.provider.cloud.locaweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.cloud.ErrorBodies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON:API errors: {@code {"errors":[{"detail","source":{"pointer":"/data/attributes/name"}}]}}. */
final class LocawebErrors implements ErrorBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Parsed parse(String body, int status, String reasonPhrase) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        try {
            for (JsonNode error : JSON.readTree(body).path("errors")) {
                String detail = error.path("detail").asText(error.path("title").asText(""));
                details.add(detail);
                String pointer = error.path("source").path("pointer").asText("");
                if (!pointer.isEmpty()) {
                    fields.computeIfAbsent(pointer.substring(pointer.lastIndexOf('/') + 1), k -> new ArrayList<>())
                            .add(detail);
                }
            }
        } catch (Exception notJson) {
            // a proxy's HTML page or an empty body: the status line says enough
        }
        String message = details.isEmpty() ? (reasonPhrase.isEmpty() ? "no details" : reasonPhrase)
                : String.join("; ", details);
        return new Parsed(message, fields);
    }
}

package com.vpssnap.provider.cloud.vpsorg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.cloud.ErrorBodies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Django REST framework errors: {@code {"detail": "..."}} or field errors {@code {"name": ["..."]}}. */
final class VpsorgErrors implements ErrorBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Parsed parse(String body, int status, String reasonPhrase) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String detail = null;
        try {
            JsonNode root = JSON.readTree(body);
            if (root.has("detail")) {
                detail = root.path("detail").asText();
            }
            root.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("detail")) {
                    List<String> messages = new ArrayList<>();
                    if (field.getValue().isArray()) {
                        field.getValue().forEach(m -> messages.add(m.asText()));
                    } else {
                        messages.add(field.getValue().asText());
                    }
                    fields.put(field.getKey(), messages);
                }
            });
        } catch (Exception notJson) {
            // a proxy's HTML page or an empty body: the status line says enough
        }
        List<String> parts = new ArrayList<>();
        if (detail != null) {
            parts.add(detail);
        }
        fields.forEach((field, messages) -> parts.add(field + ": " + String.join(" ", messages)));
        String message = parts.isEmpty() ? (reasonPhrase.isEmpty() ? "no details" : reasonPhrase)
                : String.join("; ", parts);
        return new Parsed(message, fields);
    }
}

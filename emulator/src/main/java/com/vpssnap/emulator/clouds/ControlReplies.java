package com.vpssnap.emulator.clouds;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.emulator.http.Reply;

import java.util.Map;
import java.util.Set;

/** The small pieces every cloud's control routes share: the error shape and a checked status field. */
public final class ControlReplies {
    private ControlReplies() {
    }

    public static Reply notFound(String detail) {
        return Reply.json(404, Map.of("detail", detail));
    }

    /** The field's value when it is one of {@code allowed}, null when absent; otherwise a clear 400. */
    public static String oneOf(JsonNode body, String field, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        if (!body.hasNonNull(field)) {
            return null;
        }
        String value = body.path(field).asText();
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(field + " must be one of " + allowed + "; got '" + value + "'");
        }
        return value;
    }
}

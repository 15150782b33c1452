package com.vpssnap.provider.cloud;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON answer read by the shape the API documents: asking for a field that is missing or of
 * another type throws {@link AnswerShapeException} naming its JSON pointer and what it held, so
 * that a changed or broken API is a clear error, never a zero or a null passed on.
 */
public final class Answer {
    private static final int QUOTED = 40;
    private final JsonNode node;
    private final String pointer;

    private Answer(JsonNode node, String pointer) {
        this.node = node;
        this.pointer = pointer;
    }

    public static Answer of(JsonNode root) {
        return new Answer(root, "");
    }

    /** A member that must be an object. */
    public Answer object(String field) {
        JsonNode value = member(field);
        if (!value.isObject()) {
            throw wrong(field, "an object", value);
        }
        return new Answer(value, pointer + "/" + field);
    }

    /** A member that must be an array; its items, each to be read as an object. */
    public List<Answer> objects(String field) {
        JsonNode value = member(field);
        if (!value.isArray()) {
            throw wrong(field, "an array", value);
        }
        List<Answer> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw wrong(field + "/" + i, "an object", value.get(i));
            }
            items.add(new Answer(value.get(i), pointer + "/" + field + "/" + i));
        }
        return items;
    }

    /** A whole number; JSON:API writes ids as strings of digits, so those are accepted too. */
    public long number(String field) {
        JsonNode value = member(field);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("\\d{1,18}")) {
            return Long.parseLong(value.asText());
        }
        throw wrong(field, "a whole number", value);
    }

    /** A whole number, or null when absent or null. */
    public Long optionalNumber(String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : number(field);
    }

    public String text(String field) {
        JsonNode value = member(field);
        if (!value.isTextual()) {
            throw wrong(field, "a string", value);
        }
        return value.asText();
    }

    /** A string, or null when absent or null. */
    public String optionalText(String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : text(field);
    }

    /** An ISO-8601 instant with an offset, e.g. 2015-02-20T03:00:29-02:00; null when absent or null. */
    public OffsetDateTime optionalOffsetTime(String field) {
        String text = optionalText(field);
        try {
            return text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeException e) {
            throw wrong(field, "an ISO-8601 time with an offset", node.path(field));
        }
    }

    /** An ISO-8601 instant in UTC, e.g. 2025-01-15T18:30:00Z; null when absent or null. */
    public Instant optionalInstant(String field) {
        String text = optionalText(field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeException e) {
            throw wrong(field, "an ISO-8601 UTC time", node.path(field));
        }
    }

    /** Whether the member is present and not null. */
    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    private JsonNode member(String field) {
        if (!node.isObject()) {
            throw new AnswerShapeException((pointer.isEmpty() ? "the answer" : pointer) + " should be an object, got "
                    + describe(node));
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new AnswerShapeException(pointer + "/" + field + " is missing");
        }
        return value;
    }

    private AnswerShapeException wrong(String field, String expected, JsonNode got) {
        return new AnswerShapeException(pointer + "/" + field + " should be " + expected + ", got " + describe(got));
    }

    /** What a value is, with a short quote of it: never the whole of a large answer. */
    static String describe(JsonNode value) {
        String kind = value.isTextual() ? "a string" : value.isNumber() ? "a number" : value.isBoolean() ? "a boolean"
                : value.isArray() ? "an array" : value.isObject() ? "an object" : value.isNull() ? "null" : "nothing";
        if (value.isContainerNode() || value.isMissingNode() || value.isNull()) {
            return kind;
        }
        String text = value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
        return kind + " " + (text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text);
    }
}

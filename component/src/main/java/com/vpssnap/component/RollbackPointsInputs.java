package com.vpssnap.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The component's inputs, read from the plain values an engine sends (strings, whole numbers as
 * Long, lists). They must be known values: they decide which snapshot resources exist.
 *
 * @throws IllegalArgumentException from {@link #of}, naming the input, its value and what is allowed
 */
public record RollbackPointsInputs(ServerRef server, List<String> checkpoints, int keep, String rollbackTo) {
    public static final int DEFAULT_KEEP = 3;

    /**
     * @param kinds the servers it can protect, one per cloud: exactly one of their inputs must be set
     */
    public static RollbackPointsInputs of(Map<String, ?> values, List<ServerKind> kinds) {
        ServerRef server = server(values, kinds);
        Object keep = values.get("keep");
        Object rollbackTo = values.get("rollbackTo");
        return new RollbackPointsInputs(server, labels(values.get("checkpoints")),
                keep == null ? DEFAULT_KEEP : count("keep", keep, kinds),
                rollbackTo == null ? null : text("rollbackTo", rollbackTo));
    }

    private static ServerRef server(Map<String, ?> values, List<ServerKind> kinds) {
        List<ServerKind> given = kinds.stream().filter(k -> values.get(k.input()) != null).toList();
        if (given.size() != 1) {
            String set = given.isEmpty() ? (kinds.size() == 2 ? "neither is set" : "none is set")
                    : (given.size() == 2 ? "both" : String.valueOf(given.size())) + " are set ("
                    + given.stream().map(k -> String.valueOf(values.get(k.input()))).collect(Collectors.joining(", ")) + ")";
            throw new IllegalArgumentException(kinds.stream().map(ServerKind::input).collect(Collectors.joining(" / "))
                    + ": " + set + "; allowed: exactly one, "
                    + kinds.stream().map(ServerKind::what).collect(Collectors.joining(" or ")));
        }
        ServerKind kind = given.get(0);
        Object value = values.get(kind.input());
        return new ServerRef(kind, kind.numeric() ? (Object) whole(kind.input(), value) : text(kind.input(), value));
    }

    private static List<String> labels(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("checkpoints: " + value + " is not a list; allowed: a list of labels, the newest last");
        }
        List<String> labels = new ArrayList<>(list.size());
        for (Object item : list) {
            labels.add(item == null ? null : text("checkpoints", item));
        }
        return labels;
    }

    /**
     * A whole number that fits an int; one beyond is refused with its own value, not a clamped
     * one. Whether it is allowed for the server is RetentionPlan's to say.
     */
    private static int count(String input, Object value, List<ServerKind> kinds) {
        long n = whole(input, value);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            String limits = kinds.stream().filter(ServerKind::limited)
                    .map(k -> "at most " + k.snapshotLimit() + " on " + k.cloud()).collect(Collectors.joining(", "));
            throw new IllegalArgumentException(input + ": " + n + " is not allowed; allowed: 1 or more"
                    + (limits.isEmpty() ? "" : " (" + limits + ")"));
        }
        return (int) n;
    }

    private static String text(String input, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(input + ": " + value + " is not a string");
    }

    private static long whole(String input, Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException(input + ": " + value + " is not a whole number");
    }
}

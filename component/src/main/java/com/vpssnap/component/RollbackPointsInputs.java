package com.vpssnap.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The component's inputs, read from the plain values an engine sends (strings, whole numbers as
 * Long, lists). They must be known values: they decide which snapshot resources exist.
 *
 * @throws IllegalArgumentException from {@link #of}, naming the input, its value and what is allowed
 */
public record RollbackPointsInputs(ServerRef server, List<String> checkpoints, int keep, String rollbackTo) {
    public static final int DEFAULT_KEEP = 3;

    public static RollbackPointsInputs of(Map<String, ?> values) {
        Object locaweb = values.get("locawebServer");
        Object vpsorg = values.get("vpsorgServerId");
        if ((locaweb == null) == (vpsorg == null)) {
            throw new IllegalArgumentException("locawebServer / vpsorgServerId: "
                    + (locaweb == null ? "neither is set" : "both are set (" + locaweb + ", " + vpsorg + ")")
                    + "; allowed: exactly one, the Locaweb server name or the VPS.org server id");
        }
        ServerRef server = locaweb != null ? ServerRef.locaweb(text("locawebServer", locaweb))
                : ServerRef.vpsorg(whole("vpsorgServerId", vpsorg));
        Object keep = values.get("keep");
        Object rollbackTo = values.get("rollbackTo");
        return new RollbackPointsInputs(server, labels(values.get("checkpoints")),
                keep == null ? DEFAULT_KEEP : count("keep", keep),
                rollbackTo == null ? null : text("rollbackTo", rollbackTo));
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
    private static int count(String input, Object value) {
        long n = whole(input, value);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(input + ": " + n + " is not allowed; allowed: 1 or more (at most "
                    + ServerRef.VPSORG_SNAPSHOT_LIMIT + " on VPS.org)");
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

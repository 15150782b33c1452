package com.vpssnap.emulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How long each state machine takes, in milliseconds: every cloud's create and delete, and each
 * cloud's own (Locaweb's {@code revertMs}, VPS.org's {@code restoreMs}), which the cloud names
 * ({@link com.vpssnap.emulator.clouds.EmulatedCloud#timings()}), so a new cloud adds its own
 * without a field here. Written as one flat JSON object ({@code {"createMs": 300, "deleteMs": 300,
 * "revertMs": 300, "restoreMs": 300}}), in the control API and the state file alike.
 */
public final class Timing {
    public static final String CREATE_MS = "createMs";
    public static final String DELETE_MS = "deleteMs";

    private final Map<String, Long> values;

    private Timing(Map<String, Long> values) {
        this.values = values;
    }

    /** Every named delay at {@code ms}: create, delete and each of {@code clouds' own}. */
    public static Timing uniform(long ms, Collection<String> cloudsOwn) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put(CREATE_MS, ms);
        values.put(DELETE_MS, ms);
        cloudsOwn.forEach(key -> values.put(key, ms));
        return new Timing(Map.copyOf(values));
    }

    @JsonCreator
    static Timing fromJson(Map<String, Long> values) {
        return new Timing(Map.copyOf(values));
    }

    @JsonValue
    Map<String, Long> asJson() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        sorted.put(CREATE_MS, createMs());
        sorted.put(DELETE_MS, deleteMs());
        new TreeSet<>(values.keySet()).forEach(key -> sorted.putIfAbsent(key, values.get(key)));
        return sorted;
    }

    public long createMs() {
        return ms(CREATE_MS);
    }

    public long deleteMs() {
        return ms(DELETE_MS);
    }

    /** A named delay; one this timing does not have is a bug in the caller (the cloud did not declare it). */
    public long ms(String key) {
        Long value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("no delay named " + key + "; the delays are " + names());
        }
        return value;
    }

    /** The same, with one named delay changed; a name it does not have is refused with the names it has. */
    public Timing with(String key, long ms) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("no delay named " + key + "; the delays are " + names());
        }
        if (ms < 0) {
            throw new IllegalArgumentException(key + " is " + ms + "; a delay is 0 or more milliseconds");
        }
        Map<String, Long> changed = new LinkedHashMap<>(values);
        changed.put(key, ms);
        return new Timing(Map.copyOf(changed));
    }

    /** The same, with each of {@code keys} it lacks added at {@code ms} (the delays of a test's own cloud). */
    public Timing including(Collection<String> keys, long ms) {
        Map<String, Long> more = new LinkedHashMap<>(values);
        keys.forEach(key -> more.putIfAbsent(key, ms));
        return new Timing(Map.copyOf(more));
    }

    public Set<String> names() {
        return asJson().keySet();
    }

    @Override
    public String toString() {
        return asJson().toString();
    }
}

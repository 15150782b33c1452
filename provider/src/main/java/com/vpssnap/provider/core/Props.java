package com.vpssnap.provider.core;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A resource's properties in protocol-neutral form. Keys are the canonical (camelCase) names;
 * values are String, Long, Boolean, BigDecimal (a non-integral number), java.util.List,
 * java.util.Map, {@link Unknown#VALUE}, or absent. A property set to null is treated as absent.
 */
public final class Props {
    private static final Props EMPTY = new Props(Map.of());
    private final Map<String, Object> values;

    private Props(Map<String, Object> values) {
        this.values = values;
    }

    public static Props empty() {
        return EMPTY;
    }

    public static Props of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return new Props(Collections.unmodifiableMap(copy));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Object get(String key) {
        return values.get(key);
    }

    public boolean isUnknown(String key) {
        return values.get(key) == Unknown.VALUE;
    }

    /** The value as a string, or null when absent; callers check types in validation first. */
    public String string(String key) {
        Object v = values.get(key);
        return v instanceof String s ? s : null;
    }

    /** The value as a whole number, or null when absent or not one. */
    public Long integer(String key) {
        Object v = values.get(key);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Props p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public Builder put(String key, Object value) {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
            return this;
        }

        public Builder remove(String key) {
            values.remove(key);
            return this;
        }

        public Props build() {
            return Props.of(values);
        }
    }

    /** True when both hold the same value for key (absent equals absent). */
    public static boolean sameValue(Props a, Props b, String key) {
        return Objects.equals(a.get(key), b.get(key));
    }
}

package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.PropertyType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks inputs against their specs (presence, type, unknown keys) and offers the small rules
 * the clouds impose (length, characters). Unknown values pass: they are checked when known.
 */
public final class InputValidator {
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]*");
    private final List<ValidationFailure> failures = new ArrayList<>();

    private InputValidator() {
    }

    /** Runs the structural checks: every required input present, every value of its type, no stray key. */
    public static InputValidator structural(String owner, List<PropertySpec> inputSpecs, Props inputs) {
        InputValidator v = new InputValidator();
        Map<String, PropertySpec> byName = inputSpecs.stream()
                .collect(Collectors.toMap(PropertySpec::name, p -> p));
        for (String key : inputs.asMap().keySet()) {
            if (!byName.containsKey(key)) {
                v.fail(key, "is not an input of " + owner + "; the inputs are "
                        + inputSpecs.stream().map(PropertySpec::name).collect(Collectors.joining(", ")));
            }
        }
        for (PropertySpec spec : inputSpecs) {
            Object value = inputs.get(spec.name());
            if (value == null) {
                if (spec.required()) {
                    v.fail(spec.name(), "is required: " + spec.description());
                }
            } else if (value != Unknown.VALUE && !hasType(value, spec.type())) {
                v.fail(spec.name(), "must be " + article(spec.type()) + ", got " + describe(value));
            }
        }
        return v;
    }

    /** A string rule: length bounds and an allowed-character pattern (null for any). */
    public InputValidator text(Props inputs, String property, int minLength, int maxLength,
                               Pattern allowed, String allowedText) {
        if (!(inputs.get(property) instanceof String s) || hasFailure(property)) {
            return this;
        }
        if (s.length() < minLength) {
            fail(property, minLength == 1
                    ? "must not be empty"
                    : "\"" + s + "\" is too short: at least " + minLength + " characters");
        } else if (s.length() > maxLength) {
            fail(property, "is " + s.length() + " characters long; the maximum is " + maxLength);
        } else if (allowed != null && !allowed.matcher(s).matches()) {
            fail(property, quote(s) + " is not allowed: " + allowedText);
        }
        return this;
    }

    /** Free text: length bounds, and no control characters (they would not survive the clouds' panels). */
    public InputValidator printable(Props inputs, String property, int minLength, int maxLength) {
        return text(inputs, property, minLength, maxLength, PRINTABLE, "control characters are not allowed");
    }

    /** A whole-number rule: at least min. */
    public InputValidator atLeast(Props inputs, String property, long min) {
        Long n = inputs.integer(property);
        if (n != null && n < min && !hasFailure(property)) {
            fail(property, n + " is not allowed: it must be " + min + " or more");
        }
        return this;
    }

    public List<ValidationFailure> failures() {
        return List.copyOf(failures);
    }

    private boolean hasFailure(String property) {
        return failures.stream().anyMatch(f -> f.property().equals(property));
    }

    private void fail(String property, String reason) {
        failures.add(new ValidationFailure(property, reason));
    }

    private static boolean hasType(Object value, PropertyType type) {
        if (type == PropertyType.STRING) {
            return value instanceof String;
        }
        if (type == PropertyType.INTEGER) {
            return value instanceof Long || value instanceof Integer
                    || (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0);
        }
        if (type == PropertyType.BOOLEAN) {
            return value instanceof Boolean;
        }
        return value instanceof List<?>;
    }

    private static String article(PropertyType type) {
        if (type == PropertyType.INTEGER) {
            return "a whole number";
        }
        if (type == PropertyType.STRING) {
            return "a string";
        }
        if (type == PropertyType.BOOLEAN) {
            return "a boolean";
        }
        return "a list";
    }

    /** Describes a wrong value for a message: its type and a short rendering. */
    static String describe(Object value) {
        if (value instanceof String s) {
            return "the string " + quote(s);
        }
        if (value instanceof Number) {
            return "the number " + (value instanceof BigDecimal d ? d.toPlainString() : value);
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(value);
    }

    /**
     * Quotes a user value, cut short so a huge input cannot flood a message, with control
     * characters written as escapes so they neither vanish nor act on the user's terminal.
     */
    static String quote(String s) {
        String shown = s.length() > 80 ? s.substring(0, 77) + "..." : s;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(c -> {
            if (c == '"') {
                out.append("\\\"");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}

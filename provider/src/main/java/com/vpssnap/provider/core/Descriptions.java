package com.vpssnap.provider.core;

/**
 * An empty description means none. Locaweb answers null for it and VPS.org "", so inputs and
 * state are kept in one form, and a program that writes "" previews clean after a refresh.
 */
public final class Descriptions {
    public static final String KEY = "description";

    private Descriptions() {
    }

    /** Drops an empty description from the inputs. */
    public static Props normalise(Props inputs) {
        return "".equals(inputs.get(KEY)) ? inputs.toBuilder().remove(KEY).build() : inputs;
    }

    /** The description as the cloud reports it, with empty meaning none. */
    public static String fromCloud(String description) {
        return description == null || description.isEmpty() ? null : description;
    }
}

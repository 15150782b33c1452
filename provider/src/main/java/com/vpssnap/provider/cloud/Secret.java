package com.vpssnap.provider.cloud;

import java.util.Objects;

/** An API token. It prints as stars, so it cannot leak through a log line or an exception message. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The clear value, for the one place that needs it: the request header. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}

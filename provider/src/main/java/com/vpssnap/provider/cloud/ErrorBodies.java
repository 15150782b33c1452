package com.vpssnap.provider.cloud;

import java.util.List;
import java.util.Map;

/** Reads an API's error body into one message and per-field errors; each cloud has its own style. */
@FunctionalInterface
public interface ErrorBodies {
    Parsed parse(String body, int status, String reasonPhrase);

    record Parsed(String message, Map<String, List<String>> fieldErrors) {
    }
}

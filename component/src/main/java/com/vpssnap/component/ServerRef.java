package com.vpssnap.component;

import java.util.LinkedHashMap;
import java.util.Map;

/** The one server a {@link RollbackPoints} protects: its kind (its cloud) and its name or id. */
public record ServerRef(ServerKind kind, Object value) {
    /** The snapshot resource type on this server's cloud. */
    String snapshotType() {
        return kind.snapshotType();
    }

    /** The inputs of that snapshot resource which name this server. */
    Map<String, Object> serverInputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put(kind.serverInput(), value);
        return inputs;
    }

    /** The most checkpoints the cloud lets one server keep, or {@link ServerKind#NO_LIMIT}. */
    int snapshotLimit() {
        return kind.snapshotLimit();
    }

    @Override
    public String toString() {
        return kind.cloud() + " server " + value;
    }
}

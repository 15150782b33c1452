package com.vpssnap.provider.core.spec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each operation of a resource may take unless the program says otherwise (Pulumi's
 * customTimeouts, Terraform's timeouts block). Both front doors read the defaults here.
 */
public record Timeouts(Duration create, Duration update, Duration delete) {
    /** A snapshot of a large disk can take many minutes; a delete is quicker. */
    public static final Timeouts SNAPSHOT = new Timeouts(Duration.ofMinutes(20), Duration.ofMinutes(20), Duration.ofMinutes(10));

    /** A refresh, an import or a function reads with the update limit: they wait on nothing. */
    public Duration read() {
        return update;
    }

    /** The operations a limit can be set for, as Terraform's timeouts block names them. */
    public static final List<String> OPERATIONS = List.of("create", "update", "delete");

    /** Each operation's name (as Terraform's timeouts block spells it) and its default, in that order. */
    public Map<String, Duration> byOperation() {
        Map<String, Duration> all = new LinkedHashMap<>();
        all.put("create", create);
        all.put("update", update);
        all.put("delete", delete);
        return all;
    }
}

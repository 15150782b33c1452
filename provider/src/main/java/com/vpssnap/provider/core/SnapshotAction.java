package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.core.spec.PropertySpec;

import java.util.List;
import java.util.stream.Collectors;

import static com.vpssnap.provider.core.SnapshotInputs.NAME_PREFIX;

/** An action, free of any wire protocol: Terraform's adapter validates, plans and invokes it. */
public interface SnapshotAction {
    ActionSpec spec();

    /** Validates the configuration without calling the cloud; unknown values pass. */
    CheckResult check(Props config);

    /** Runs the action to its end; each wait reports to the operation's progress listener. */
    void invoke(Props config, Operation operation);

    /**
     * The server the configuration names, as its errors say it ("server 12345"): an engine shows
     * which action failed, but not on which server, and one action block may serve many.
     */
    String server(Props config);

    /** What names the server in a resource's listing query: every query input but the name prefix. */
    static List<PropertySpec> serverInputs(SnapshotResource resource) {
        return resource.spec().listQuery().stream().filter(p -> !p.name().equals(NAME_PREFIX)).toList();
    }

    /** The server a configuration names, as "server 12345". */
    static String serverOf(SnapshotResource resource, Props config) {
        return "server " + serverInputs(resource).stream().map(p -> String.valueOf(config.get(p.name())))
                .collect(Collectors.joining(" "));
    }
}

package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.ActionSpec;

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
}

package com.vpssnap.provider.server;

import com.vpssnap.provider.PluginSession;
import com.vpssnap.provider.SessionHost;
import com.vpssnap.provider.SessionRefusedException;
import com.vpssnap.provider.pulumi.PulumiSession;
import com.vpssnap.provider.terraform.TerraformSession;

import java.util.List;
import java.util.Map;

/** The launcher's door (the name it was run by) to the session it opens. */
final class Doors {
    /** Every door the launcher may name: LauncherNamesTest holds the launcher's to this list. */
    static final List<String> NAMES = List.of("terraform", "pulumi");

    private Doors() {
    }

    static PluginSession open(String door, Map<String, String> environment, List<String> arguments, SessionHost host)
            throws Exception {
        switch (door) {
            case "terraform":
                return TerraformSession.open(environment, host);
            case "pulumi":
                return PulumiSession.open(environment, arguments, host);
            default:
                throw new SessionRefusedException("no door named " + door);
        }
    }
}

package com.vpssnap.component;

import java.util.List;

/**
 * The server kinds the component's tests use: the two clouds' as the provider makes them
 * (ComponentPlanTest checks that on the provider's side), and a third only these tests know.
 */
final class Kinds {
    static final ServerKind LOCAWEB = new ServerKind("locawebServer", "Locaweb", "the Locaweb server name", false,
            "vpssnap:locaweb:Snapshot", "server", ServerKind.NO_LIMIT);
    static final ServerKind VPSORG = new ServerKind("vpsorgServerId", "VPS.org", "the VPS.org server id", true,
            "vpssnap:vpsorg:Snapshot", "serverId", 5);
    static final ServerKind ACME = new ServerKind("acmeMachine", "Acme", "the Acme machine name", false,
            "vpssnap:acme:Snapshot", "machine", 2);

    static final List<ServerKind> TWO_CLOUDS = List.of(LOCAWEB, VPSORG);
    static final List<ServerKind> THREE_CLOUDS = List.of(LOCAWEB, VPSORG, ACME);

    private Kinds() {
    }
}

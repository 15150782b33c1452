package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.LifecycleCase;

import java.util.Map;
import java.util.Optional;

/** Locaweb in the core's lifecycle matrix: server cpro0299; a revert is an action of the snapshot. */
public final class LocawebLifecycleCase extends LifecycleCase {
    private static final String SNAPSHOTS = "/v1/cloud/servers/cpro0299/snapshots";

    public LocawebLifecycleCase() {
        super(LocawebSpecs.SNAPSHOT, "done", SNAPSHOTS, SNAPSHOTS + "/\\d+/actions",
                Capability.READY_LATER, Capability.RECOVERS_LOST_CREATES);
    }

    @Override
    public Map<ConfigKey, String> settings(EmulatorFixture emulator) {
        return Map.of(LocawebCloud.ENDPOINT, emulator.locawebEndpoint(), LocawebCloud.TOKEN, EmulatorFixture.LOCAWEB_TOKEN);
    }

    @Override
    public int held(EmulatorFixture emulator) {
        return emulator.locawebSnapshots("cpro0299").size();
    }

    /** Its follow-up lists the snapshot's actions, which hold the revert whatever its state: a short one does. */
    @Override
    public Optional<RevertHold> revertHold() {
        return Optional.of(new RevertHold(emulator -> emulator.timing("{\"revertMs\": 300}"), emulator -> { }));
    }
}

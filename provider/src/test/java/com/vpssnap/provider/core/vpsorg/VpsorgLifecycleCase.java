package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.LifecycleCase;

import java.util.Map;
import java.util.Optional;

/** VPS.org in the core's lifecycle matrix: server 12345; a revert is a restore of the server. */
public final class VpsorgLifecycleCase extends LifecycleCase {
    public VpsorgLifecycleCase() {
        super(VpsorgSpecs.SNAPSHOT, "completed", "/api/v1/snapshots/", "/api/v1/snapshots/\\d+/restore/",
                Capability.READY_LATER, Capability.RECOVERS_LOST_CREATES);
    }

    @Override
    public Map<ConfigKey, String> settings(EmulatorFixture emulator) {
        return Map.of(VpsorgCloud.ENDPOINT, emulator.vpsorgEndpoint(), VpsorgCloud.TOKEN, EmulatorFixture.VPSORG_TOKEN);
    }

    @Override
    public int held(EmulatorFixture emulator) {
        return emulator.vpsorgSnapshots(12345).size();
    }

    /** Its follow-up asks whether the server is restoring: held until released, so the answer is yes. */
    @Override
    public Optional<RevertHold> revertHold() {
        return Optional.of(new RevertHold(emulator -> emulator.timing("{\"restoreMs\": 600000}"),
                emulator -> emulator.patch("/vpsorg/servers/12345", "{\"status\": \"active\"}")));
    }
}

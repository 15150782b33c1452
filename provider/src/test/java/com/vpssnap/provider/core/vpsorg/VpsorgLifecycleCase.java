package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.LifecycleCase;

import java.util.Map;
import java.util.Optional;

/** VPS.org in the core's lifecycle matrix: server 12345, a revert is a restore of the server. */
public final class VpsorgLifecycleCase implements LifecycleCase {
    @Override
    public ResourceSpec spec() {
        return VpsorgSpecs.SNAPSHOT;
    }

    @Override
    public Map<ConfigKey, String> settings(EmulatorFixture emulator) {
        return Map.of(VpsorgCloud.ENDPOINT, emulator.vpsorgEndpoint(), VpsorgCloud.TOKEN, EmulatorFixture.VPSORG_TOKEN);
    }

    @Override
    public String statusOutput() {
        return VpsorgSpecs.STATUS;
    }

    @Override
    public String readyStatus() {
        return "completed";
    }

    @Override
    public int held(EmulatorFixture emulator) {
        return emulator.vpsorgSnapshots((Long) server()).size();
    }

    @Override
    public String createPath() {
        return "/api/v1/snapshots/";
    }

    @Override
    public String revertPath() {
        return "/api/v1/snapshots/\\d+/restore/";
    }

    @Override
    public boolean becomesReadyLater() {
        return true;
    }

    @Override
    public boolean recoversLostCreates() {
        return true;
    }

    /** Its follow-up asks whether the server is restoring: held until released, so the answer is yes. */
    @Override
    public Optional<RevertHold> revertHold() {
        return Optional.of(new RevertHold() {
            @Override
            public void hold(EmulatorFixture emulator) {
                emulator.timing("{\"restoreMs\": 600000}");
            }

            @Override
            public void release(EmulatorFixture emulator) {
                emulator.patch("/vpsorg/servers/" + server(), "{\"status\": \"active\"}");
            }
        });
    }
}

package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.LifecycleCase;

import java.util.Map;
import java.util.Optional;

/** Locaweb in the core's lifecycle matrix: server cpro0299, a revert is an action of the snapshot. */
public final class LocawebLifecycleCase implements LifecycleCase {
    @Override
    public ResourceSpec spec() {
        return LocawebSpecs.SNAPSHOT;
    }

    @Override
    public Map<ConfigKey, String> settings(EmulatorFixture emulator) {
        return Map.of(LocawebCloud.ENDPOINT, emulator.locawebEndpoint(), LocawebCloud.TOKEN, EmulatorFixture.LOCAWEB_TOKEN);
    }

    @Override
    public String statusOutput() {
        return LocawebSpecs.STATUS;
    }

    @Override
    public String readyStatus() {
        return "done";
    }

    @Override
    public int held(EmulatorFixture emulator) {
        return emulator.locawebSnapshots((String) server()).size();
    }

    @Override
    public String createPath() {
        return "/v1/cloud/servers/" + server() + "/snapshots";
    }

    @Override
    public String revertPath() {
        return createPath() + "/\\d+/actions";
    }

    @Override
    public boolean becomesReadyLater() {
        return true;
    }

    @Override
    public boolean recoversLostCreates() {
        return true;
    }

    /** Its follow-up lists the snapshot's actions, which hold the revert whatever its state: a short one does. */
    @Override
    public Optional<RevertHold> revertHold() {
        return Optional.of(new RevertHold() {
            @Override
            public void hold(EmulatorFixture emulator) {
                emulator.timing("{\"revertMs\": 300}");
            }

            @Override
            public void release(EmulatorFixture emulator) {
            }
        });
    }
}

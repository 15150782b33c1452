package com.vpssnap.provider.thirdcloud;

import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.LifecycleCase;

import java.util.Map;
import java.util.Optional;

/**
 * Acme in the core's lifecycle matrix: machine m1. Its snapshots are ready at once and its client
 * recovers no lost answer, so it is in the scenarios every cloud shares and in none of the others.
 */
public final class AcmeLifecycleCase implements LifecycleCase {
    @Override
    public ResourceSpec spec() {
        return AcmeSpecs.SNAPSHOT;
    }

    @Override
    public Map<ConfigKey, String> settings(EmulatorFixture emulator) {
        return Map.of(AcmeCloud.ENDPOINT, emulator.url() + AcmeEmulation.PREFIX, AcmeCloud.TOKEN, AcmeEmulation.TOKEN);
    }

    @Override
    public Optional<EmulatedCloud> emulation() {
        return Optional.of(new AcmeEmulation());
    }

    @Override
    public String statusOutput() {
        return AcmeSpecs.STATE;
    }

    @Override
    public String readyStatus() {
        return AcmeClient.Snapshot.READY;
    }

    @Override
    public int held(EmulatorFixture emulator) {
        return AcmeFixture.snapshotIds(emulator, (String) server()).size();
    }

    @Override
    public String createPath() {
        return AcmeEmulation.PREFIX + "/machines/" + server() + "/snapshots";
    }

    @Override
    public String revertPath() {
        return createPath() + "/\\d+/rollback";
    }
}

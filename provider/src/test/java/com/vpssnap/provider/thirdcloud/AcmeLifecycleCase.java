package com.vpssnap.provider.thirdcloud;

import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.LifecycleCase;

import java.util.Map;
import java.util.Optional;

/**
 * Acme in the core's lifecycle matrix: machine m1. Its snapshots are ready at once and its client
 * recovers no lost answer, so it is in the scenarios every cloud shares and in none of the others.
 */
public final class AcmeLifecycleCase extends LifecycleCase {
    private static final String SNAPSHOTS = AcmeEmulation.PREFIX + "/machines/m1/snapshots";

    public AcmeLifecycleCase() {
        super(AcmeSpecs.SNAPSHOT, AcmeClient.Snapshot.READY, SNAPSHOTS, SNAPSHOTS + "/\\d+/rollback");
    }

    @Override
    public Map<ConfigKey, String> settings(EmulatorFixture emulator) {
        return Map.of(AcmeCloud.ENDPOINT, emulator.url() + AcmeEmulation.PREFIX, AcmeCloud.TOKEN, AcmeEmulation.TOKEN);
    }

    @Override
    public int held(EmulatorFixture emulator) {
        return AcmeFixture.snapshotIds(emulator, "m1").size();
    }

    @Override
    public Optional<EmulatedCloud> emulation() {
        return Optional.of(new AcmeEmulation());
    }

    /** Acme calls it state. */
    @Override
    public String statusOutput() {
        return AcmeSpecs.STATE;
    }
}

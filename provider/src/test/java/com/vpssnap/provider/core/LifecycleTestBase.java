package com.vpssnap.provider.core;

import com.vpssnap.emulator.EmulatedClouds;
import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.LifecycleCase;
import com.vpssnap.provider.testsupport.LifecycleCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;


/**
 * What the core's lifecycle tests share: the real emulator in this JVM over loopback HTTP, with
 * every registered cloud's emulation, and a provider configured for the cloud under test. The
 * clouds' differences are their {@link LifecycleCase}s; no plugin process, no engine.
 */
abstract class LifecycleTestBase {
    static EmulatorFixture emulator;

    /** Every registered cloud, for the scenarios they all share (a @MethodSource). */
    static Stream<LifecycleCase> clouds() {
        return LifecycleCases.all().stream();
    }

    @BeforeAll
    static void startEmulator() {
        emulator = startEmulator(EmulatorOptions.defaults().port(0).createMs(50).deleteMs(50).revertMs(50).restoreMs(50));
    }

    /** The emulator with these options, and the emulations of clouds it does not build in. */
    static EmulatorFixture startEmulator(EmulatorOptions options) {
        List<EmulatedCloud> emulations = new ArrayList<>(EmulatedClouds.ALL);
        LifecycleCases.all().forEach(c -> c.emulation().ifPresent(emulations::add));
        return EmulatorFixture.start(options.clouds(emulations));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
        emulator.clearRequests();
    }

    static VpssnapProvider provider(Map<ConfigKey, String> settings) {
        return VpssnapProvider.configure(ProviderConfig.resolve(settings, Map.of(), ConfigSpelling.PULUMI), new Cancellation());
    }

    static SnapshotResource resource(LifecycleCase cloud) {
        return provider(cloud.settings(emulator)).resource(cloud.spec().token()).orElseThrow();
    }

    static Operation operation() {
        return Operation.within(Duration.ofSeconds(30), new Cancellation(), ProgressListener.NONE);
    }
}

package com.vpssnap.provider.core;

import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import com.vpssnap.provider.testsupport.LifecycleCase;
import com.vpssnap.provider.testsupport.LifecycleCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clouds whose create can answer before the snapshot is ready: the core waits, and keeps a snapshot that never gets there. */
class SlowCreatesTest extends LifecycleTestBase {
    static Stream<LifecycleCase> cloudsReadyLater() {
        return LifecycleCases.with(c -> c.can(LifecycleCase.Capability.READY_LATER)).stream();
    }

    @ParameterizedTest
    @MethodSource("cloudsReadyLater")
    void aSnapshotThatNeverBecomesReadyIsReportedWithItsId(LifecycleCase cloud) {
        Operation tooShort = Operation.within(Duration.ofMillis(1), new Cancellation(), ProgressListener.NONE);
        emulator.close();
        emulator = startEmulator(EmulatorOptions.defaults().port(0).createMs(60_000).deleteMs(50).revertMs(50).restoreMs(50));
        try {
            PartialCreateException partial = assertThrows(PartialCreateException.class,
                    () -> resource(cloud).create(cloud.inputs("slow", null), tooShort));
            assertEquals(1, cloud.held(emulator), "the snapshot exists");
            assertTrue(partial.getMessage().contains(partial.id()), partial.getMessage());
            assertEquals(partial.state().integer("snapshotId").toString(),
                    partial.id().substring(partial.id().lastIndexOf('/') + 1), "the state names the snapshot that exists");
        } finally {
            emulator.close();
            startEmulator();
        }
    }

    @ParameterizedTest
    @MethodSource("cloudsReadyLater")
    void aCreateAnsweredReadyIsNotPolledAndOneThatIsNotIs(LifecycleCase cloud) {
        emulator.close();
        emulator = startEmulator(EmulatorOptions.defaults().port(0).createMs(0).deleteMs(0).revertMs(0).restoreMs(0));
        try {
            Created instant = resource(cloud).create(cloud.inputs("instant", null), operation());
            assertEquals(cloud.readyStatus(), instant.state().string(cloud.statusOutput()));
            assertEquals(1, emulator.requests().size(), "the POST only: " + emulator.requests());
        } finally {
            emulator.close();
            startEmulator();
        }
        Created slow = resource(cloud).create(cloud.inputs("slow", null), operation());
        assertEquals(cloud.readyStatus(), slow.state().string(cloud.statusOutput()));
        assertTrue(emulator.requests().size() >= 2, "a create answered not ready is looked at: " + emulator.requests());
    }
}

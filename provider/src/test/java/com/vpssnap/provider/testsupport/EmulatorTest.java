package com.vpssnap.provider.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** For end-to-end classes that share one emulator: started once, reset before each test. */
public abstract class EmulatorTest {
    protected static EmulatorFixture emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = EmulatorFixture.start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.reset();
    }
}

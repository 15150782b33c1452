package com.vpssnap.provider.thirdcloud;

import com.vpssnap.provider.testsupport.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** For the third cloud's test classes: one emulator with Acme beside the product's clouds, reset before each test. */
public abstract class AcmeEmulatorTest {
    protected static EmulatorFixture emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = AcmeFixture.start();
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

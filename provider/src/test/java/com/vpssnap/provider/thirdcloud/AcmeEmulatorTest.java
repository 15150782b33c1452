package com.vpssnap.provider.thirdcloud;

import com.vpssnap.provider.testsupport.EmulatorTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * For the third cloud's test classes: EmulatorTest's emulator, with Acme beside the product's
 * clouds. This startEmulator hides EmulatorTest's, so JUnit runs only this one; the stop and the
 * reset before each test are EmulatorTest's.
 */
public abstract class AcmeEmulatorTest extends EmulatorTest {
    @BeforeAll
    static void startEmulator() {
        emulator = AcmeFixture.start();
    }
}

package com.vpssnap.provider.cloud;

import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.testsupport.EmulatorFixture;

import java.time.Duration;

/** Clients pointed at an emulator, with fast retries so the fault tests stay short. */
final class ClientFixture {
    static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(20), 2.0, Duration.ofMillis(200), 0.2,
            Duration.ofSeconds(10), 6);

    private ClientFixture() {
    }

    static LocawebClient locaweb(EmulatorFixture emulator, String token, Cancellation cancellation) {
        return new LocawebClient(Endpoint.parse(emulator.locawebEndpoint(), "locawebEndpoint"), new Secret(token),
                FAST, cancellation);
    }

    static VpsorgClient vpsorg(EmulatorFixture emulator, String token, Cancellation cancellation) {
        return new VpsorgClient(Endpoint.parse(emulator.vpsorgEndpoint(), "vpsorgEndpoint"), new Secret(token),
                FAST, cancellation);
    }
}

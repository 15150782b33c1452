package com.vpssnap.provider.thirdcloud;

import com.vpssnap.emulator.EmulatedClouds;
import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.provider.testsupport.EmulatorFixture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The emulator with Acme beside the product's clouds, and a session's environment pointing at it. */
public final class AcmeFixture {
    private AcmeFixture() {
    }

    public static EmulatorFixture start() {
        List<EmulatedCloud> clouds = new ArrayList<>(EmulatedClouds.ALL);
        clouds.add(new AcmeEmulation());
        return EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(200).deleteMs(200).revertMs(200)
                .restoreMs(200).clouds(clouds));
    }

    /** Every cloud's endpoint on the emulator, and its token. */
    public static Map<String, String> environment(EmulatorFixture emulator) {
        Map<String, String> env = new HashMap<>(Map.of(
                "VPSSNAP_LOCAWEB_ENDPOINT", emulator.locawebEndpoint(), "VPSSNAP_LOCAWEB_TOKEN", EmulatorFixture.LOCAWEB_TOKEN,
                "VPSSNAP_VPSORG_ENDPOINT", emulator.vpsorgEndpoint(), "VPSSNAP_VPSORG_TOKEN", EmulatorFixture.VPSORG_TOKEN));
        env.put(AcmeCloud.ENDPOINT.environmentVariable(), emulator.url() + AcmeEmulation.PREFIX);
        env.put(AcmeCloud.TOKEN.environmentVariable(), AcmeEmulation.TOKEN);
        return env;
    }

    /** The snapshot ids on one Acme machine, and the rollbacks done on it, from the emulator's state. */
    public static List<Long> snapshotIds(EmulatorFixture emulator, String machine) {
        List<Long> ids = new ArrayList<>();
        machine(emulator, machine).path("snapshots").forEach(s -> ids.add(s.path("id").asLong()));
        return ids;
    }

    public static List<Long> rollbacks(EmulatorFixture emulator, String machine) {
        List<Long> ids = new ArrayList<>();
        machine(emulator, machine).path("rollbacks").forEach(s -> ids.add(s.asLong()));
        return ids;
    }

    private static com.fasterxml.jackson.databind.JsonNode machine(EmulatorFixture emulator, String machine) {
        for (var m : emulator.state().path("acme").path("machines")) {
            if (m.path("name").asText().equals(machine)) {
                return m;
            }
        }
        throw new AssertionError("no Acme machine " + machine + " in " + emulator.state());
    }
}

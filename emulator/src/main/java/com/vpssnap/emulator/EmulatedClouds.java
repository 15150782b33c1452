package com.vpssnap.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.emulator.locaweb.LocawebEmulation;
import com.vpssnap.emulator.state.Seed;
import com.vpssnap.emulator.vpsorg.VpsorgEmulation;

import java.util.List;

/** The registry of emulated clouds: the one place a cloud is added to the emulator. */
public final class EmulatedClouds {
    public static final List<EmulatedCloud> ALL = List.of(new LocawebEmulation(), new VpsorgEmulation());

    private EmulatedClouds() {
    }

    /** The built-in servers of every cloud. */
    public static Seed defaultSeed() {
        return defaultSeed(ALL);
    }

    /** The built-in servers of these clouds. */
    public static Seed defaultSeed(List<EmulatedCloud> clouds) {
        ObjectNode sections = JsonNodeFactory.instance.objectNode();
        clouds.forEach(cloud -> sections.set(cloud.name(), cloud.defaultSeed()));
        return new Seed(sections);
    }
}

package com.vpssnap.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.emulator.locaweb.LocawebEmulation;
import com.vpssnap.emulator.state.Seed;
import com.vpssnap.emulator.state.World;
import com.vpssnap.emulator.vpsorg.VpsorgEmulation;

import java.util.List;

/** The registry of emulated clouds: the one place a cloud is added to the emulator. */
public final class EmulatedClouds {
    public static final List<EmulatedCloud> ALL = List.of(new LocawebEmulation(), new VpsorgEmulation());

    private EmulatedClouds() {
    }

    /** The built-in servers of every cloud. */
    public static Seed defaultSeed() {
        ObjectNode sections = JsonNodeFactory.instance.objectNode();
        ALL.forEach(cloud -> sections.set(cloud.name(), cloud.defaultSeed()));
        return new Seed(sections);
    }

    /** Empties every cloud's part of the world and puts the seed's servers in it. */
    public static void reset(World world, Seed seed) {
        EmulatedCloud.reset(ALL, world, seed);
    }
}

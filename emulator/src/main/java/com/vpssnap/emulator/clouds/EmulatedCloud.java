package com.vpssnap.emulator.clouds;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.emulator.http.Handler;
import com.vpssnap.emulator.state.CloudState;
import com.vpssnap.emulator.state.Seed;
import com.vpssnap.emulator.http.Reply;
import com.vpssnap.emulator.http.Request;
import com.vpssnap.emulator.state.Store;
import com.vpssnap.emulator.state.World;

import java.util.List;
import java.util.Map;

/**
 * Everything the emulator does for one cloud, in one object: its API, its state and status
 * rules, its control routes, its seed and its part of the state view. {@link EmulatedClouds}
 * registers each once.
 */
public interface EmulatedCloud {
    /** Who the cloud is: what every list, flag and route names it by. */
    Identity identity();

    /** The cloud's key in the seed file, the state view, the state file and {@code /_emulator/<name>/...}. */
    default String name() {
        return identity().name();
    }

    /** The name people know it by, for messages and the usage text. */
    default String title() {
        return identity().title();
    }

    /** The token its API accepts unless told otherwise (--<name>-token). */
    default String defaultToken() {
        return identity().defaultToken();
    }

    /** The API's path prefix, e.g. {@code /v1}. */
    default String apiPrefix() {
        return identity().apiPrefix();
    }

    /** The state type persisted under {@link #name()}. */
    default Class<? extends CloudState> stateType() {
        return identity().stateType();
    }

    /** The delays of its own state machines, by the name the control API and the state file give them ({@code revertMs}). */
    default java.util.List<String> timings() {
        return java.util.List.of();
    }

    Handler api(Store store, String token);

    /** A fresh state holding the seed's servers; {@code seed} is this cloud's section (may be missing). */
    CloudState seeded(JsonNode seed);

    /** The built-in servers, as a seed section. */
    JsonNode defaultSeed();

    /** The servers and their snapshots as the API would show them at {@code now}. */
    Map<String, Object> describe(World world, long now);

    /** Adds a server from {@code POST /_emulator/servers} ({@code {"cloud": name(), ...}}). */
    void addServer(World world, JsonNode body);

    /**
     * @param name its key everywhere (seed, state, routes, flags)
     * @param title the name people know it by
     * @param defaultToken the token its API accepts by default
     * @param apiPrefix the API's path prefix
     * @param stateType its part of the world, as persisted
     */
    record Identity(String name, String title, String defaultToken, String apiPrefix,
                    Class<? extends CloudState> stateType) {
    }

    /** Empties every cloud's part of the world and puts the seed's servers in it. */
    static void reset(List<EmulatedCloud> clouds, World world, Seed seed) {
        world.clouds.clear();
        clouds.forEach(cloud -> world.clouds.put(cloud.name(), cloud.seeded(seed.section(cloud.name()))));
    }

    /** A control call under {@code /_emulator/<name>}; {@code path} is what follows that prefix. */
    Reply control(Store store, Request request, String path);
}

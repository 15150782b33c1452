package com.vpssnap.emulator;

import com.vpssnap.emulator.clouds.EmulatedCloud;
import com.vpssnap.emulator.locaweb.LocawebApi;
import com.vpssnap.emulator.vpsorg.VpsorgApi;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** How an emulator starts. Immutable: each setter returns a changed copy. */
public final class EmulatorOptions {
    private String bind = "127.0.0.1";
    private int port = 8080;
    /** 300 ms for every delay of every registered cloud; a test's own clouds add theirs (clouds()). */
    private static final long DEFAULT_MS = 300;
    private Timing timing = Timing.uniform(DEFAULT_MS, EmulatedClouds.ALL.stream().flatMap(c -> c.timings().stream()).toList());
    /** Tokens by cloud name; a cloud not named here accepts its default token. */
    private Map<String, String> tokens = Map.of();
    private Path seedFile;
    private Path stateFile;
    /** The clouds it emulates: the registry's, unless a test adds one of its own. */
    private List<EmulatedCloud> clouds = EmulatedClouds.ALL;

    private EmulatorOptions() {
    }

    public static EmulatorOptions defaults() {
        return new EmulatorOptions();
    }

    private EmulatorOptions copy() {
        EmulatorOptions c = new EmulatorOptions();
        c.bind = bind;
        c.port = port;
        c.timing = timing;
        c.tokens = tokens;
        c.seedFile = seedFile;
        c.stateFile = stateFile;
        c.clouds = clouds;
        return c;
    }

    /**
     * Emulates these clouds instead of {@link EmulatedClouds#ALL}: how a test adds a cloud that
     * only the tests know (the product's emulator always runs the registry's).
     */
    public EmulatorOptions clouds(List<EmulatedCloud> value) {
        EmulatorOptions c = copy();
        c.clouds = List.copyOf(value);
        c.timing = timing.including(value.stream().flatMap(cloud -> cloud.timings().stream()).toList(), DEFAULT_MS);
        return c;
    }

    public List<EmulatedCloud> clouds() {
        return clouds;
    }

    public EmulatorOptions bind(String value) {
        EmulatorOptions c = copy();
        c.bind = value;
        return c;
    }

    public EmulatorOptions port(int value) {
        EmulatorOptions c = copy();
        c.port = value;
        return c;
    }

    public EmulatorOptions createMs(long value) {
        EmulatorOptions c = copy();
        c.timing = timing.with(Timing.CREATE_MS, value);
        return c;
    }

    public EmulatorOptions deleteMs(long value) {
        EmulatorOptions c = copy();
        c.timing = timing.with(Timing.DELETE_MS, value);
        return c;
    }

    /** Locaweb's revert delay (a shorthand of the emulator's --revert-ms). */
    public EmulatorOptions revertMs(long value) {
        EmulatorOptions c = copy();
        c.timing = timing.with(LocawebApi.REVERT_MS, value);
        return c;
    }

    /** VPS.org's restore delay (a shorthand of the emulator's --restore-ms). */
    public EmulatorOptions restoreMs(long value) {
        EmulatorOptions c = copy();
        c.timing = timing.with(VpsorgApi.RESTORE_MS, value);
        return c;
    }

    /** The token the named cloud's API accepts. */
    public EmulatorOptions token(String cloud, String value) {
        EmulatorOptions c = copy();
        Map<String, String> changed = new HashMap<>(tokens);
        changed.put(cloud, value);
        c.tokens = Map.copyOf(changed);
        return c;
    }

    public EmulatorOptions seedFile(Path value) {
        EmulatorOptions c = copy();
        c.seedFile = value;
        return c;
    }

    public EmulatorOptions stateFile(Path value) {
        EmulatorOptions c = copy();
        c.stateFile = value;
        return c;
    }

    public String bind() {
        return bind;
    }

    public int port() {
        return port;
    }

    public Timing timing() {
        return timing;
    }

    /** The token set for the named cloud, or {@code fallback} (its default). */
    public String token(String cloud, Supplier<String> fallback) {
        return tokens.getOrDefault(cloud, fallback.get());
    }

    public Path seedFile() {
        return seedFile;
    }

    public Path stateFile() {
        return stateFile;
    }
}

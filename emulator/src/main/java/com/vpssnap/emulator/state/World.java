package com.vpssnap.emulator.state;

import com.vpssnap.emulator.Timing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the emulator knows, in one object guarded by its own monitor: callers hold
 * {@code synchronized (world)} across a check and the change it allows (the VPS.org limit of 5
 * under concurrent creates). Each cloud keeps its own part under its name; the state file
 * stores them with their cloud's type.
 */
public final class World {
    public Timing timing;
    public Map<String, CloudState> clouds = new LinkedHashMap<>();

    /** One cloud's part; every cloud in the registry has one from the start. */
    public <S extends CloudState> S state(String cloud, Class<S> type) {
        return type.cast(clouds.get(cloud));
    }
}

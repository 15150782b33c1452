package com.vpssnap.emulator.state;

import com.vpssnap.emulator.Timing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Keeps the world in a JSON file, written whole after every change (temp file, then atomic move). */
public final class StateFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Path file;
    private final Map<String, Class<? extends CloudState>> stateTypes;

    /** @param stateTypes each cloud's state type by its name, to read its part back */
    public StateFile(Path file, Map<String, Class<? extends CloudState>> stateTypes) {
        this.file = file;
        this.stateTypes = stateTypes;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** The world as saved; a cloud missing from the file (added since) starts from nothing. */
    public World load() throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        World world = new World();
        world.timing = JSON.treeToValue(root.path("timing"), Timing.class);
        for (Map.Entry<String, Class<? extends CloudState>> cloud : stateTypes.entrySet()) {
            JsonNode saved = root.path("clouds").path(cloud.getKey());
            if (saved.isMissingNode()) {
                throw new IOException(file + " holds no state for " + cloud.getKey()
                        + "; it was written by an older emulator: delete it to start afresh");
            }
            world.clouds.put(cloud.getKey(), JSON.treeToValue(saved, cloud.getValue()));
        }
        return world;
    }

    /** Called with the world's monitor held, so the snapshot written is consistent. */
    public void save(World world) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".emulator-state", ".json");
            JSON.writeValue(temp.toFile(), world);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file, e);
        }
    }
}

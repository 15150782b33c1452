package com.vpssnap.emulator.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Keeps the world in a JSON file, written whole after every change (temp file, then atomic move). */
public final class StateFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Path file;

    public StateFile(Path file) {
        this.file = file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    public World load() throws IOException {
        return JSON.readValue(file.toFile(), World.class);
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

package com.vpssnap.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The servers a fresh (or reset) world starts with: built in, or from a seed file. */
public record Seed(List<String> locawebServers, List<VpsorgServerRecord> vpsorgServers) {

    public static Seed defaults() {
        return new Seed(List.of("cpro0299", "cpro0300", "cpro0301"), List.of(
                new VpsorgServerRecord(12345, "web-server-01"),
                new VpsorgServerRecord(12346, "db-server-01"),
                new VpsorgServerRecord(12347, "worker-01")));
    }

    /** {@code {"locaweb":[{"name":"cpro0299"}], "vpsorg":[{"id":12345,"name":"web-server-01"}]}} */
    public static Seed read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        List<String> locaweb = new ArrayList<>();
        root.path("locaweb").forEach(s -> locaweb.add(s.path("name").asText()));
        List<VpsorgServerRecord> vpsorg = new ArrayList<>();
        root.path("vpsorg").forEach(s -> vpsorg.add(new VpsorgServerRecord(s.path("id").asLong(), s.path("name").asText())));
        if (locaweb.stream().anyMatch(String::isBlank) || vpsorg.stream().anyMatch(s -> s.id <= 0 || s.name.isBlank())) {
            throw new IOException(file + ": every Locaweb server needs a name, every VPS.org server an id > 0 and a name");
        }
        return new Seed(locaweb, vpsorg);
    }

    /** Empties the world and puts the seed's servers in it. */
    public void applyTo(World world) {
        world.locawebServers = new ArrayList<>(locawebServers);
        world.locawebSnapshots.clear();
        world.locawebActions.clear();
        world.vpsorgServers.clear();
        for (VpsorgServerRecord s : vpsorgServers) {
            world.vpsorgServers.put(s.id, new VpsorgServerRecord(s.id, s.name));
        }
        world.vpsorgSnapshots.clear();
        world.nextLocawebSnapshot = World.FIRST_LOCAWEB_SNAPSHOT;
        world.nextLocawebAction = World.FIRST_LOCAWEB_ACTION;
        world.nextVpsorgSnapshot = World.FIRST_VPSORG_SNAPSHOT;
    }
}

package com.vpssnap.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The servers a fresh (or reset) world starts with, one section per cloud, e.g.
 * {@code {"locaweb":[{"name":"cpro0299"}], "vpsorg":[{"id":12345,"name":"web-server-01"}]}}.
 * Each cloud reads its own section.
 */
public record Seed(ObjectNode sections) {

    public static Seed read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        if (!(root instanceof ObjectNode object)) {
            throw new IOException(file + ": a seed file is a JSON object with one list of servers per cloud");
        }
        return new Seed(object);
    }

    /** A cloud's section; a missing node when the seed names none of its servers. */
    public JsonNode section(String cloud) {
        return sections.path(cloud);
    }
}

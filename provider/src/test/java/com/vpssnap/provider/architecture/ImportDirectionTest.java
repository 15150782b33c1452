package com.vpssnap.provider.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps ARCHITECTURE.md's picture true: clients → core → front doors, each layer naming only the
 * ones below it. Reads every main source file's references to our packages (imports and fully
 * qualified names alike) and fails on one that points the wrong way.
 */
class ImportDirectionTest {
    private static final Path SOURCES = Path.of("src/main/java/com/vpssnap/provider");
    private static final Pattern REFERENCE = Pattern.compile("com\\.vpssnap\\.provider\\.(cloud|core|pulumi|terraform|docs|server)\\b");
    /** Which of our packages each layer may name besides itself; the top-level classes (launch helpers) are free to all. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "cloud", List.of(),
            "core", List.of("cloud"),
            "pulumi", List.of("cloud", "core"),
            "terraform", List.of("cloud", "core"),
            "docs", List.of("core"),
            "contract", List.of("core", "cloud"),
            // The warm server opens either door's sessions; no door names it.
            "server", List.of("pulumi", "terraform"));

    @Test
    void everyLayerNamesOnlyTheLayersBelowIt() throws IOException {
        List<String> wrongWay = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                files++;
                String layer = relative.getName(0).toString();
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = REFERENCE.matcher(line);
                    while (m.find()) {
                        String named = m.group(1);
                        if (!named.equals(layer) && !ALLOWED.get(layer).contains(named)) {
                            wrongWay.add(relative + " (" + layer + ") names " + named + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertTrue(files > 50, "the sources were found: " + files + " files under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), wrongWay, "references against the allowed direction (ARCHITECTURE.md)");
    }
}

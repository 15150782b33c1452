package com.vpssnap.provider.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** Copies one of examples/ as a user would check it out: without build outputs or local stack files. */
public final class ExampleFiles {
    /** Build outputs and local stack files that a copy must not carry. */
    private static final Set<String> SKIPPED = Set.of("node_modules", "bin", "target");

    private ExampleFiles() {
    }

    /** Copies examples/{@code example} (e.g. "yaml" or "install/java") into {@code to}, and returns {@code to}. */
    public static Path copy(String example, Path to) throws IOException {
        Path from = TestEnvironment.repositoryRoot().resolve("examples").resolve(example);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (skipped(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (SKIPPED.contains(name) || (name.startsWith("Pulumi.") && !name.equals("Pulumi.yaml"))) {
                return true;
            }
        }
        return false;
    }
}

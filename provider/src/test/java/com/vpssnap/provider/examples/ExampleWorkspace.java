package com.vpssnap.provider.examples;

import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TestEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** A copy of one of examples/ in a fresh Pulumi workspace, with a stack pointed at the emulator. */
final class ExampleWorkspace {
    /** Build outputs and local stack files that a copy must not carry. */
    private static final Set<String> SKIPPED = Set.of("node_modules", "bin", "target");

    private ExampleWorkspace() {
    }

    static PulumiCli stack(String example, Path workspace, EmulatorFixture emulator) throws Exception {
        PulumiCli pulumi = new PulumiCli(workspace);
        copy(TestEnvironment.repositoryRoot().resolve("examples").resolve(example), pulumi.projectDir());
        pulumi.ok("stack", "init", "dev");
        pulumi.ok("config", "set", "vpssnap:locawebEndpoint", emulator.locawebEndpoint());
        pulumi.ok("config", "set", "vpssnap:vpsorgEndpoint", emulator.vpsorgEndpoint());
        pulumi.ok("config", "set", "--secret", "vpssnap:locawebToken", EmulatorFixture.LOCAWEB_TOKEN);
        pulumi.ok("config", "set", "--secret", "vpssnap:vpsorgToken", EmulatorFixture.VPSORG_TOKEN);
        return pulumi;
    }

    private static void copy(Path from, Path to) throws IOException {
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

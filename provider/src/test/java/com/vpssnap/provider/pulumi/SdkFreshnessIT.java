package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.testsupport.Commands;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed schema.json and SDKs are what the generators make now: the schema from the
 * provider's specs, the SDKs from the schema by scripts/gen-sdks.sh (what `make sdks` runs).
 */
class SdkFreshnessIT {
    /** Build outputs inside sdk/, never committed (Maven, npm and tsc, pip building in place, Python caches). */
    private static final Set<String> BUILD_OUTPUTS = Set.of("target", "node_modules", "bin", "build", "dist", "__pycache__");

    @Test
    void schemaMatchesTheSpecs(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("schema.json");
        PulumiSchema.main(new String[] {fresh.toString()});
        assertEquals(Files.readString(TestEnvironment.repositoryRoot().resolve("schema.json")), Files.readString(fresh),
                "schema.json is stale: run make schema");
    }

    @Test
    void sdksMatchTheSchema(@TempDir Path dir) throws Exception {
        Path root = TestEnvironment.repositoryRoot();
        ProcessResult generated = Commands.run(
                List.of(root.resolve("scripts/gen-sdks.sh").toString(), root.resolve("schema.json").toString(), dir.toString()),
                root, Map.of("PULUMI", TestEnvironment.pulumi().toString(),
                        "GEN_SDK", TestEnvironment.genSdk().toString()),
                Duration.ofMinutes(3));
        assertEquals(0, generated.exitCode(), generated.toString());

        Map<String, String> committed = files(root.resolve("sdk"));
        Map<String, String> fresh = files(dir);
        assertEquals(fresh.keySet(), committed.keySet(), "the SDKs' file lists differ: run make sdks");
        List<String> stale = new ArrayList<>();
        fresh.forEach((name, content) -> {
            if (!content.equals(committed.get(name))) {
                stale.add(name);
            }
        });
        assertEquals(List.of(), stale, "stale SDK files: run make sdks");
    }

    private static boolean isBuildOutput(Path relative) {
        for (Path part : relative) {
            if (BUILD_OUTPUTS.contains(part.toString()) || part.toString().endsWith(".egg-info")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> files(Path sdkRoot) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(sdkRoot)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                Path relative = sdkRoot.relativize(file);
                if (isBuildOutput(relative)) {
                    continue;
                }
                out.put(relative.toString(), Files.readString(file));
            }
        }
        return out;
    }
}

package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.testsupport.Commands;
import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installed plugin (the tarball, unpacked as `pulumi plugin install` does) ships no class-data
 * archive, trains one on its first run, and starts with it afterwards: -Xshare:on makes the JVM
 * refuse to start unless the archive is valid for this place and JDK.
 */
class ClassDataArchiveIT {
    @Test
    void theFirstRunTrainsAnArchiveThatLaterRunsUse(@TempDir Path dir) throws Exception {
        assertEquals(0, Commands.run(List.of("tar", "-xzf", TestEnvironment.pluginTarball().toString(), "-C", dir.toString()),
                dir, Map.of(), Duration.ofMinutes(1)).exitCode());
        Path lib = dir.resolve("lib");
        Path archive = lib.resolve("pulumi.jsa");
        assertFalse(Files.exists(archive), "the tarball carries no archive: it would not be valid where it is unpacked");

        assertTrue(handshake(dir, Map.of()).matches("\\d+"), "the first run starts as usual");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while ((!Files.exists(archive) || Files.exists(lib.resolve(".cds-training"))) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(Files.exists(archive), "the background training wrote lib/pulumi.jsa");
        assertFalse(Files.exists(lib.resolve(".cds-training")), "and removed its lock");

        assertTrue(handshake(dir, Map.of("VPSSNAP_JAVA_OPTS", "-Xshare:on")).matches("\\d+"),
                "with -Xshare:on the JVM starts only if it can map the archive");
    }

    private static String handshake(Path pluginDir, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(pluginDir.resolve("pulumi-resource-vpssnap").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            return line == null ? "(no handshake; exit " + process.waitFor() + ")" : line;
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

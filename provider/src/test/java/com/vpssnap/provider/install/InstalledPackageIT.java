package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installed package is never written to: the class-data archive that makes start-up fast is
 * trained on the first run into the user's cache, used by later runs (-Xshare:on starts only if the
 * JVM maps it), and a copy of the package elsewhere, whose jars the archive does not fit, gets an
 * archive of its own instead of a stale one.
 */
class InstalledPackageIT {
    @Test
    void theFirstRunTrainsAnArchiveInTheUsersCacheAndTheReleaseStaysUntouched(@TempDir Path root) throws Exception {
        NewUser user = new NewUser(root);
        UnpackedPlugin plugin = UnpackedPlugin.unpack(root.resolve("plugin"));
        Map<String, String> before = PackageFingerprint.of(plugin.dir());

        assertTrue(plugin.firstLine(user, Map.of()).matches("\\d+"), "the first run starts as usual, with no java on PATH");
        Path archive = awaitOneArchive(user.vpssnapCache());
        assertTrue(archive.getFileName().toString().startsWith(Release.VERSION + "-pulumi-"), archive.toString());
        assertTrue(plugin.firstLine(user, Map.of("VPSSNAP_JAVA_OPTS", "-Xshare:on")).matches("\\d+"),
                "with -Xshare:on the JVM starts only if it maps the archive");

        UnpackedPlugin moved = UnpackedPlugin.unpack(root.resolve("elsewhere"));
        assertTrue(moved.firstLine(user, Map.of()).matches("\\d+"));
        awaitArchives(user.vpssnapCache(), 2);
        assertTrue(moved.firstLine(user, Map.of("VPSSNAP_JAVA_OPTS", "-Xshare:on")).matches("\\d+"),
                "a package unpacked elsewhere trains and maps its own archive");

        assertEquals(before, PackageFingerprint.of(plugin.dir()), "nothing in the installed package was written, added or removed");
    }

    @Test
    void underBusyboxAloneItStartsTrainsAndMapsItsArchive(@TempDir Path root) throws Exception {
        // A non-GNU userland: busybox's sh, and nothing but busybox's applets on PATH.
        NewUser user = new NewUser(root);
        Path applets = Files.createDirectories(root.resolve("busybox"));
        user.ok(root, List.of("busybox", "--install", "-s", applets.toString()));
        Map<String, String> busybox = Map.of("PATH", applets.toString());
        UnpackedPlugin plugin = UnpackedPlugin.unpack(root.resolve("plugin"));
        List<String> sh = List.of(applets.resolve("sh").toString());

        assertTrue(plugin.firstLine(user, busybox, sh).matches("\\d+"), "it starts under busybox sh with busybox's tools");
        awaitOneArchive(user.vpssnapCache());
        assertTrue(plugin.firstLine(user, Map.of("PATH", applets.toString(), "VPSSNAP_JAVA_OPTS", "-Xshare:on"), sh).matches("\\d+"),
                "busybox's stat, cksum, find and setsid trained an archive the JVM maps");
    }

    @Test
    void onJava25ItTrainsAndUsesAnAotCache(@TempDir Path root) throws Exception {
        // The macOS packages carry Java 25: the plugin and its AOT cache, run here on the machine's Java 25.
        NewUser user = new NewUser(root);
        UnpackedPlugin plugin = UnpackedPlugin.unpack(root.resolve("plugin"));
        Map<String, String> java25 = Map.of("VPSSNAP_JAVA", TestEnvironment.java25().toString());
        assertTrue(plugin.firstLine(user, java25).matches("\\d+"), "the plugin starts on Java 25");
        Path cache = awaitOneArchive(user.vpssnapCache());
        assertTrue(cache.getFileName().toString().endsWith(".aot"), "Java 25 keeps an AOT cache: " + cache);
        assertTrue(plugin.firstLine(user, Map.of("VPSSNAP_JAVA", TestEnvironment.java25().toString(),
                "VPSSNAP_JAVA_OPTS", "-XX:AOTMode=on")).matches("\\d+"), "with -XX:AOTMode=on the JVM starts only if it maps the cache");
    }

    @Test
    void withoutAWritableCacheItStillRuns(@TempDir Path root) throws Exception {
        NewUser user = new NewUser(root);
        UnpackedPlugin plugin = UnpackedPlugin.unpack(root.resolve("plugin"));
        Files.writeString(root.resolve("not-a-folder"), "");
        Map<String, String> noCache = Map.of("XDG_CACHE_HOME", root.resolve("not-a-folder").toString());
        assertTrue(plugin.firstLine(user, noCache).matches("\\d+"), "no cache, no archive: it still starts");
        assertTrue(plugin.firstLine(user, noCache).matches("\\d+"), "and again, with no training left half done");
    }

    private static Path awaitOneArchive(Path cache) throws Exception {
        return awaitArchives(cache, 1).get(0);
    }

    private static List<Path> awaitArchives(Path cache, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<Path> archives = List.of();
        while (System.nanoTime() < deadline) {
            archives = list(cache).stream().filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).toList();
            boolean training = list(cache).stream().anyMatch(p -> p.toString().endsWith(".training"));
            if (archives.size() == count && !training) {
                return archives;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + count + " archive(s) in " + cache + ", found " + list(cache));
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}

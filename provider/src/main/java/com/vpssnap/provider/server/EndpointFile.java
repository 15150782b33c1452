package com.vpssnap.provider.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * {@code DIR/server-KEY.endpoint}: "PORT SECRET PID", mode 0600 in the user's 0700 folder. It is
 * how a launcher finds the server of its own package (KEY) and proves it is the same user. The
 * first server to create it owns it; a launcher that finds it stale or hung removes it, and a
 * server whose file is gone or someone else's takes no new session and exits once idle.
 */
final class EndpointFile {
    private final Path path;
    private final byte[] content;

    private EndpointFile(Path path, byte[] content) {
        this.path = path;
        this.content = content;
    }

    /** Creates the file, or returns null when another server's file is already there. */
    static EndpointFile claim(Path dir, String key, int port, String secret) throws IOException {
        Path path = dir.resolve("server-" + key + ".endpoint");
        byte[] content = (port + " " + secret + " " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        // Written whole under a private name, then linked in place: a launcher never reads half a
        // file, and link fails if another server won the race.
        Path partial = dir.resolve("server-" + key + ".endpoint." + ProcessHandle.current().pid());
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(partial, content);
            Files.createLink(path, partial);
            return new EndpointFile(path, content);
        } catch (FileAlreadyExistsException taken) {
            return null;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Whether the file still names this server (launchers remove the files of hung servers). */
    boolean isOurs() {
        try {
            return Arrays.equals(Files.readAllBytes(path), content);
        } catch (IOException gone) {
            return false;
        }
    }

    /** Removes the file if it is still this server's. */
    void release() {
        if (isOurs()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // The next launcher finds the port closed and removes it.
            }
        }
    }
}

package com.vpssnap.provider.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * {@code DIR/server-KEY.endpoint}: "SOCKET SECRET PID", mode 0600 in the user's 0700 folder, SOCKET
 * the name of this server's Unix socket beside it. It is how a launcher finds the server of its
 * own package (KEY), and the secret both sides prove they hold. The first server to create it owns
 * it; a launcher that finds it stale, hung or unproven removes it, and a server whose file is gone
 * or someone else's takes no new session and exits once idle. Never read through a link.
 */
final class EndpointFile {
    private final Path path;
    private final byte[] content;

    private EndpointFile(Path path, byte[] content) {
        this.path = path;
        this.content = content;
    }

    /** Creates the file, or returns null when another server's file is already there. */
    static EndpointFile claim(Path dir, String key, Path socket, byte[] secret) throws IOException {
        Path path = dir.resolve("server-" + key + ".endpoint");
        long pid = ProcessHandle.current().pid();
        byte[] content = (socket.getFileName() + " " + HexFormat.of().formatHex(secret) + " " + pid + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        // Written whole under a private name, then linked in place: a launcher never reads half a
        // file, and link fails if another server won the race.
        Path partial = dir.resolve("server-" + key + ".endpoint." + pid);
        Files.deleteIfExists(partial);
        try (SeekableByteChannel out = Files.newByteChannel(partial, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            out.write(ByteBuffer.wrap(content));
        }
        try {
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
        try (SeekableByteChannel in = Files.newByteChannel(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer read = ByteBuffer.allocate(content.length + 1);
            while (read.hasRemaining() && in.read(read) > 0) {
                // a file of our length is read whole; a longer one is not ours
            }
            return Arrays.equals(Arrays.copyOf(read.array(), read.position()), content);
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
                // The next launcher finds the server gone and removes it.
            }
        }
    }
}

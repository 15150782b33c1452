package com.vpssnap.provider.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A launcher's request for a session (written by provider/src/main/go/session): the magic line, the
 * secret line, then length-prefixed UTF-8 strings: the package key, the door, the engine's
 * environment (a count, then KEY=VALUE each) and its arguments (a count, then each).
 */
record Handoff(String key, String door, Map<String, String> environment, List<String> arguments) {
    static final String MAGIC = "vpssnap-session/1\n";
    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_ENTRIES = 10_000;

    /** Thrown for a request that is not a launcher's of this user: it gets no answer at all. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why);
        }
    }

    /** The answer: {@code K} and the handshake line, or {@code E} and why the launcher must run cold. */
    static void answer(DataOutputStream out, char status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.writeByte(status);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
        }
    }

    static Handoff read(InputStream stream, String secret) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] expected = (MAGIC + secret + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] given = new byte[expected.length];
        try {
            in.readFully(given);
        } catch (EOFException shortRead) {
            throw new Refused("a connection closed before its secret");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new Refused("a connection without the secret");
        }
        String key = string(in);
        String door = string(in);
        Map<String, String> environment = new HashMap<>();
        for (String entry : strings(in)) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return new Handoff(key, door, Map.copyOf(environment), strings(in));
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("a request with " + count + " entries");
        }
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(string(in));
        }
        return List.copyOf(strings);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING) {
            throw new IOException("a request string of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

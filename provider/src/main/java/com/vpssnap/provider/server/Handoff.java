package com.vpssnap.provider.server;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A launcher's request for a session, version 2 of the handoff (provider/src/main/go/session/handshake.go
 * writes it and says the exchange; testdata/handoff-v2.txt beside it pins the bytes for both):
 * the magic and the launcher's challenge, the server's challenge and proof, the launcher's proof,
 * then a length-prefixed body of UTF-8 strings: the package key, the door, the session's
 * environment (a count, then KEY=VALUE each) and the engine's arguments (a count, then each).
 */
record Handoff(String key, String door, Map<String, String> environment, List<String> arguments) {
    static final String MAGIC = "vpssnap-session/2\n";
    static final int CHALLENGE_BYTES = 32;
    static final int PROOF_BYTES = 32;
    /** What a launcher may ask the server to hold before a session exists (the helper's maxBody). */
    static final int MAX_BODY = 256 * 1024;
    static final int MAX_ENTRIES = 1000;
    private static final String SERVER_LABEL = "vpssnap server proof\n";
    private static final String LAUNCHER_LABEL = "vpssnap launcher proof\n";

    /** A body that is not a launcher's: the connection gets a refusal and is closed. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String why) {
            super(why);
        }
    }

    /**
     * The answer: {@code K} and the handshake line; {@code C} and why this session must run cold
     * (the cold plugin will say the same); or {@code E} and why this server must not be used again.
     */
    static void answer(DataOutputStream out, char status, String text) throws IOException {
        byte[] answer = answerBytes(status, text);
        synchronized (out) {
            out.write(answer);
            out.flush();
        }
    }

    /** The answer's bytes: the status, then the text as a length-prefixed UTF-8 string. */
    static byte[] answerBytes(char status, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + Integer.BYTES + bytes.length).put((byte) status).putInt(bytes.length).put(bytes).array();
    }

    /** The server's proof that it holds {@code secret}, over both challenges. */
    static byte[] serverProof(byte[] secret, byte[] launcherChallenge, byte[] serverChallenge) {
        return proof(secret, SERVER_LABEL, launcherChallenge, serverChallenge);
    }

    /** The proof the launcher must send before its body. */
    static byte[] launcherProof(byte[] secret, byte[] launcherChallenge, byte[] serverChallenge) {
        return proof(secret, LAUNCHER_LABEL, launcherChallenge, serverChallenge);
    }

    private static byte[] proof(byte[] secret, String label, byte[] launcherChallenge, byte[] serverChallenge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.US_ASCII));
            mac.update(launcherChallenge);
            mac.update(serverChallenge);
            return mac.doFinal();
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", missing);
        }
    }

    /** Reads a body whose launcher has proved itself. */
    static Handoff parse(ByteBuffer body) throws Malformed {
        try {
            String key = string(body);
            String door = string(body);
            Map<String, String> environment = new HashMap<>();
            for (String entry : strings(body)) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            List<String> arguments = strings(body);
            if (body.hasRemaining()) {
                throw new Malformed("a request with " + body.remaining() + " bytes after its arguments");
            }
            return new Handoff(key, door, Map.copyOf(environment), arguments);
        } catch (BufferUnderflowException cut) {
            throw new Malformed("a request cut short");
        }
    }

    private static List<String> strings(ByteBuffer body) throws Malformed {
        int count = body.getInt();
        if (count < 0 || count > MAX_ENTRIES) {
            throw new Malformed("a request with " + Integer.toUnsignedString(count) + " entries (at most " + MAX_ENTRIES + ")");
        }
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(string(body));
        }
        return List.copyOf(strings);
    }

    private static String string(ByteBuffer body) throws Malformed {
        int length = body.getInt();
        if (length < 0 || length > body.remaining()) {
            throw new Malformed("a request string of " + Integer.toUnsignedString(length) + " bytes, with "
                    + body.remaining() + " left");
        }
        ByteBuffer bytes = body.slice(body.position(), length);
        body.position(body.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException notText) {
            throw new Malformed("a request string that is not UTF-8");
        }
    }
}

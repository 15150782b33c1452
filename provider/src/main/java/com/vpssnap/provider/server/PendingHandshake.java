package com.vpssnap.provider.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * One connection that has not proved itself yet, read and written without blocking so that the
 * {@link Gate}'s single thread serves every such connection. The exchange is {@link Handoff}'s:
 * the launcher's hello and challenge, this server's challenge and proof, the launcher's proof and
 * the body's length, then the body.
 */
final class PendingHandshake {
    private static final byte[] MAGIC = Handoff.MAGIC.getBytes(StandardCharsets.US_ASCII);

    /** A refused connection; {@code answer} is sent to a launcher that proved itself, else nothing. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Refusals.Reason reason;
        final String answer;

        Refused(Refusals.Reason reason, String answer) {
            super(reason.description, null, false, false);
            this.reason = reason;
            this.answer = answer;
        }
    }

    private enum Step { HELLO, PROOF, BODY }

    final SocketChannel channel;
    final long deadlineNanos;
    private final byte[] secret;
    private final SecureRandom random;
    private Step step = Step.HELLO;
    private ByteBuffer in = ByteBuffer.allocate(MAGIC.length + Handoff.CHALLENGE_BYTES);
    private byte[] launcherChallenge;
    private byte[] serverChallenge;

    PendingHandshake(SocketChannel channel, byte[] secret, SecureRandom random, long deadlineNanos) {
        this.channel = channel;
        this.secret = secret;
        this.random = random;
        this.deadlineNanos = deadlineNanos;
    }

    /** Reads what has arrived: the launcher's request once it is whole, else null. */
    Handoff advance() throws Refused, IOException {
        while (true) {
            if (channel.read(in) < 0) {
                throw new Refused(Refusals.Reason.CLOSED, null);
            }
            if (in.hasRemaining()) {
                return null;
            }
            switch (step) {
                case HELLO -> hello();
                case PROOF -> proof();
                case BODY -> {
                    try {
                        return Handoff.parse(in.flip());
                    } catch (Handoff.Malformed malformed) {
                        throw new Refused(Refusals.Reason.MALFORMED, malformed.getMessage());
                    }
                }
                default -> throw new IllegalStateException(step.name());
            }
        }
    }

    private void hello() throws Refused, IOException {
        byte[] hello = in.array();
        if (!Arrays.equals(hello, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Refused(Refusals.Reason.NOT_A_LAUNCHER, null);
        }
        launcherChallenge = Arrays.copyOfRange(hello, MAGIC.length, hello.length);
        serverChallenge = new byte[Handoff.CHALLENGE_BYTES];
        random.nextBytes(serverChallenge);
        ByteBuffer out = ByteBuffer.allocate(Handoff.CHALLENGE_BYTES + Handoff.PROOF_BYTES)
                .put(serverChallenge).put(Handoff.serverProof(secret, launcherChallenge, serverChallenge)).flip();
        channel.write(out);
        if (out.hasRemaining()) {
            // 64 bytes into a new connection's empty send buffer: only a broken socket takes fewer.
            throw new Refused(Refusals.Reason.CLOSED, null);
        }
        step = Step.PROOF;
        in = ByteBuffer.allocate(Handoff.PROOF_BYTES + Integer.BYTES);
    }

    private void proof() throws Refused {
        byte[] given = Arrays.copyOf(in.array(), Handoff.PROOF_BYTES);
        if (!MessageDigest.isEqual(given, Handoff.launcherProof(secret, launcherChallenge, serverChallenge))) {
            throw new Refused(Refusals.Reason.NO_PROOF, null);
        }
        int length = in.getInt(Handoff.PROOF_BYTES);
        if (length < 0 || length > Handoff.MAX_BODY) {
            throw new Refused(Refusals.Reason.MALFORMED, "a handoff of " + Integer.toUnsignedString(length)
                    + " bytes is over the limit of " + Handoff.MAX_BODY);
        }
        step = Step.BODY;
        in = ByteBuffer.allocate(length);
    }
}

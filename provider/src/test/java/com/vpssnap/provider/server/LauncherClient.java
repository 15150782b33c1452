package com.vpssnap.provider.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

/**
 * The launcher's side of the handoff in Java, for tests that must do what the Go helper never
 * does (an oversized body, a wrong proof). Its bytes are checked against the same golden file as
 * the helper's (HandoffTest), so it cannot drift from it silently.
 */
final class LauncherClient implements AutoCloseable {
    final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;

    private LauncherClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new DataInputStream(Channels.newInputStream(channel));
        this.out = new DataOutputStream(new ChannelOutput(channel));
    }

    static LauncherClient connect(Path socket) throws IOException {
        return new LauncherClient(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
    }

    /** The answer of a launcher's whole exchange: 'K' or 'E', and its text. */
    record Answer(char status, String text) {
    }

    /** Sends the hello and a challenge; returns the server's 64 bytes (challenge and proof). */
    byte[] hello(byte[] challenge) throws IOException {
        out.write(Handoff.MAGIC.getBytes(StandardCharsets.US_ASCII));
        out.write(challenge);
        byte[] answer = new byte[64];
        in.readFully(answer);
        return answer;
    }

    /** The whole exchange with {@code secret}, a body of {@code declaredLength} (-1: its real length). */
    Answer handOff(byte[] secret, byte[] body, int declaredLength) throws IOException {
        byte[] challenge = new byte[32];
        challenge[0] = 1;
        byte[] answer = hello(challenge);
        byte[] serverChallenge = java.util.Arrays.copyOf(answer, 32);
        byte[] serverProof = java.util.Arrays.copyOfRange(answer, 32, 64);
        if (!MessageDigest.isEqual(serverProof, Handoff.serverProof(secret, challenge, serverChallenge))) {
            throw new IOException("the server's proof does not match the secret");
        }
        out.write(Handoff.launcherProof(secret, challenge, serverChallenge));
        out.writeInt(declaredLength < 0 ? body.length : declaredLength);
        try {
            out.write(body);
        } catch (IOException refusedMidway) {
            // A server that refuses on the length closes while a long body is still going out; its answer came first.
        }
        return readAnswer();
    }

    Answer readAnswer() throws IOException {
        char status = (char) in.readByte();
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        return new Answer(status, new String(text, StandardCharsets.UTF_8));
    }

    /** Whether the server has closed the connection (the next read is the end), waiting at most the channel's own timeouts. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    static byte[] body(String key, String door, List<String> environment, List<String> arguments) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(bytes);
        writeString(body, key);
        writeString(body, door);
        body.writeInt(environment.size());
        for (String e : environment) {
            writeString(body, e);
        }
        body.writeInt(arguments.size());
        for (String a : arguments) {
            writeString(body, a);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static SocketChannel raw(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

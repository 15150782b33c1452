package com.vpssnap.provider.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate in-process, on a real Unix socket: a proven launcher gets through, nothing else does,
 * and unproven connections cost no thread and are bounded in number and in time.
 */
class GateTest {
    private static final byte[] SECRET = new byte[32];
    private final LinkedBlockingQueue<Handoff> proven = new LinkedBlockingQueue<>();
    private Path socket;
    private Gate gate;
    private Thread thread;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        SECRET[5] = 42;
        socket = dir.resolve("gate.sock");
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(socket), Gate.MAX_UNPROVEN);
        // 2 s for a whole handshake: far above an in-process one even on a busy machine, and short enough
        // that the flood test's last connections reach their deadline soon.
        gate = new Gate(listener, SECRET, Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS), Duration.ofSeconds(2), new Refusals(),
                (channel, handoff) -> {
                    proven.add(handoff);
                    try (channel) {
                        Handoff.answer(new java.io.DataOutputStream(new ChannelOutput(channel)), 'K', "line");
                    } catch (IOException ignored) {
                        // the test reads the answer
                    }
                });
        thread = new Thread(() -> {
            try {
                gate.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "gate-under-test");
        thread.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        gate.close();
        thread.join(10_000);
    }

    @Test
    void aLauncherWithTheSecretIsHandedOn() throws Exception {
        try (LauncherClient launcher = LauncherClient.connect(socket)) {
            LauncherClient.Answer answer = launcher.handOff(SECRET, LauncherClient.body("k", "pulumi", List.of("VPSSNAP_LOG=debug"), List.of("a")), -1);
            assertEquals(new LauncherClient.Answer('K', "line"), answer);
        }
        Handoff handoff = proven.poll(10, TimeUnit.SECONDS);
        assertNotNull(handoff);
        assertEquals("pulumi", handoff.door());
        assertEquals("debug", handoff.environment().get("VPSSNAP_LOG"));
    }

    @Test
    void aWrongProofGetsNoSessionAndTheServersProofFailsForAWrongSecret() throws Exception {
        byte[] wrong = new byte[32];
        try (LauncherClient launcher = LauncherClient.connect(socket)) {
            IOException refused = assertThrows(IOException.class, () -> launcher.handOff(wrong, new byte[0], -1));
            assertTrue(refused.getMessage().contains("proof does not match"), refused.getMessage());
        }
        try (LauncherClient launcher = LauncherClient.connect(socket)) {
            byte[] challenge = new byte[32];
            byte[] answer = launcher.hello(challenge);
            launcher.channel.write(ByteBuffer.allocate(36).put(new byte[32]).putInt(0).flip()); // a made-up proof
            assertTrue(launcher.closedByServer(), "closed without an answer");
            assertEquals(64, answer.length);
        }
        assertNull(proven.poll(200, TimeUnit.MILLISECONDS), "no session for a wrong proof");
    }

    @Test
    void anOversizedHandoffIsRefusedWithItsSize() throws Exception {
        try (LauncherClient launcher = LauncherClient.connect(socket)) {
            LauncherClient.Answer answer = launcher.handOff(SECRET, new byte[0], 2 * 1024 * 1024);
            assertEquals('E', answer.status());
            assertTrue(answer.text().contains("a handoff of 2097152 bytes is over the limit of 262144"), answer.text());
        }
        assertNull(proven.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void unprovenConnectionsCostNoThreadAndAreBoundedInNumberAndTime() throws Exception {
        int threadsBefore = Thread.activeCount();
        List<SocketChannel> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                idle.add(LauncherClient.raw(socket));
            }
            assertTrue(Thread.activeCount() <= threadsBefore + 2, "threads " + threadsBefore + " -> " + Thread.activeCount());
            // Every one is closed: the oldest at the cap, the rest at their deadline.
            for (SocketChannel channel : idle) {
                channel.configureBlocking(true);
                assertEquals(-1, channel.read(ByteBuffer.allocate(1)), "closed by the gate, with not one byte");
            }
            // A launcher still gets through after the flood.
            try (LauncherClient launcher = LauncherClient.connect(socket)) {
                assertEquals('K', launcher.handOff(SECRET, LauncherClient.body("k", "terraform", List.of(), List.of()), -1).status());
            }
        } finally {
            for (SocketChannel channel : idle) {
                channel.close();
            }
        }
    }
}

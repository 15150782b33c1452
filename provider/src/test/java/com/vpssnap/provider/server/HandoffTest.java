package com.vpssnap.provider.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handoff's bytes against the golden file the Go helper's tests read too
 * (provider/src/main/go/session/testdata/handoff-v2.txt), and what a body may not be.
 */
class HandoffTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theProofsAreTheGoldenBytes() throws IOException {
        Map<String, String> golden = golden();
        byte[] secret = HEX.parseHex(golden.get("secret"));
        byte[] launcher = HEX.parseHex(golden.get("launcher-challenge"));
        byte[] server = HEX.parseHex(golden.get("server-challenge"));
        assertEquals(golden.get("server-proof"), HEX.formatHex(Handoff.serverProof(secret, launcher, server)));
        assertEquals(golden.get("launcher-proof"), HEX.formatHex(Handoff.launcherProof(secret, launcher, server)));
        assertEquals(golden.get("magic") + "\n", Handoff.MAGIC);
    }

    @Test
    void theGoldenBodyReadsAsTheHelperWroteIt() throws IOException {
        byte[] body = HEX.parseHex(golden().get("body"));
        Handoff handoff = Handoff.parse(ByteBuffer.wrap(body));
        assertEquals("0.1.0-123", handoff.key());
        assertEquals("pulumi", handoff.door());
        assertEquals(Map.of("HOME", "/home/u", "PLUGIN_CLIENT_CERT", "x=y", "VPSSNAP_LOG", "debug"), handoff.environment());
        assertEquals(List.of("127.0.0.1:4242"), handoff.arguments());
        assertArrayEquals(body, LauncherClient.body("0.1.0-123", "pulumi",
                List.of("HOME=/home/u", "PLUGIN_CLIENT_CERT=x=y", "VPSSNAP_LOG=debug"), List.of("127.0.0.1:4242")),
                "the tests' launcher writes the helper's bytes");
    }

    @Test
    void absurdCountsLengthsAndLeftoversAreRefused() throws IOException {
        ByteBuffer tooLong = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).flip();
        Handoff.Malformed longString = assertThrows(Handoff.Malformed.class, () -> Handoff.parse(tooLong));
        assertTrue(longString.getMessage().contains("2147483647 bytes"), longString.getMessage());

        ByteBuffer tooMany = ByteBuffer.wrap(concat(LauncherClient.body("k", "terraform", List.of(), List.of()), new byte[0]));
        tooMany.putInt(tooMany.capacity() - 8, 1_000_000); // the environment's count
        Handoff.Malformed many = assertThrows(Handoff.Malformed.class, () -> Handoff.parse(tooMany));
        assertTrue(many.getMessage().contains("1000000 entries (at most 1000)"), many.getMessage());

        byte[] extra = concat(LauncherClient.body("k", "terraform", List.of(), List.of()), new byte[] {1});
        assertThrows(Handoff.Malformed.class, () -> Handoff.parse(ByteBuffer.wrap(extra)));
        assertThrows(Handoff.Malformed.class, () -> Handoff.parse(ByteBuffer.wrap(new byte[] {0, 0})));
    }

    @Test
    void theIdleSettingIsWholeSecondsAtLeastOne() {
        assertEquals(Duration.ofSeconds(7), PluginServer.idleSetting("7"));
        assertEquals(PluginServer.DEFAULT_IDLE, PluginServer.idleSetting(null));
        assertEquals(PluginServer.DEFAULT_IDLE, PluginServer.idleSetting("0"));
        assertEquals(PluginServer.DEFAULT_IDLE, PluginServer.idleSetting("ten"));
        assertEquals(Duration.ofMinutes(30), PluginServer.DEFAULT_IDLE);
    }

    static Map<String, String> golden() throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/main/go/session/testdata/handoff-v2.txt"))) {
            int space = line.indexOf(' ');
            if (!line.startsWith("#") && space > 0) {
                values.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return values;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}

package com.vpssnap.provider.server;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session helper's request, as provider/src/main/go/session writes it, and what is refused. */
class HandoffTest {
    private static final String SECRET = "ab".repeat(32);

    @Test
    void readsTheKeyDoorEnvironmentAndArguments() throws IOException {
        Handoff handoff = Handoff.read(request(SECRET, List.of("A=1", "EMPTY=", "TOKEN=x=y", "NOEQUALS"), List.of("127.0.0.1:4242")), SECRET);
        assertEquals("0.1.0-123", handoff.key());
        assertEquals("pulumi", handoff.door());
        assertEquals(Map.of("A", "1", "EMPTY", "", "TOKEN", "x=y"), handoff.environment());
        assertEquals(List.of("127.0.0.1:4242"), handoff.arguments());
    }

    @Test
    void aWrongOrMissingSecretIsRefusedBeforeAnythingIsRead() {
        Handoff.Refused wrong = assertThrows(Handoff.Refused.class, () -> Handoff.read(request("cd".repeat(32), List.of(), List.of()), SECRET));
        assertTrue(wrong.getMessage().contains("without the secret"), wrong.getMessage());
        assertThrows(Handoff.Refused.class, () -> Handoff.read(new ByteArrayInputStream(Handoff.MAGIC.getBytes(StandardCharsets.US_ASCII)), SECRET));
        assertThrows(Handoff.Refused.class, () -> Handoff.read(new ByteArrayInputStream(new byte[0]), SECRET));
    }

    @Test
    void absurdCountsAndLengthsAreRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write((Handoff.MAGIC + SECRET + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeInt(Integer.MAX_VALUE); // the key's length
        IOException tooLong = assertThrows(IOException.class, () -> Handoff.read(new ByteArrayInputStream(bytes.toByteArray()), SECRET));
        assertTrue(tooLong.getMessage().contains("bytes"), tooLong.getMessage());

        bytes.reset();
        out.write((Handoff.MAGIC + SECRET + "\n").getBytes(StandardCharsets.US_ASCII));
        writeString(out, "k");
        writeString(out, "terraform");
        out.writeInt(1_000_000); // environment entries
        IOException tooMany = assertThrows(IOException.class, () -> Handoff.read(new ByteArrayInputStream(bytes.toByteArray()), SECRET));
        assertTrue(tooMany.getMessage().contains("1000000 entries"), tooMany.getMessage());
    }

    @Test
    void theIdleSettingIsWholeSecondsAtLeastOne() {
        assertEquals(Duration.ofSeconds(7), PluginServer.idleSetting("7"));
        assertEquals(PluginServer.DEFAULT_IDLE, PluginServer.idleSetting(null));
        assertEquals(PluginServer.DEFAULT_IDLE, PluginServer.idleSetting("0"));
        assertEquals(PluginServer.DEFAULT_IDLE, PluginServer.idleSetting("ten"));
        assertEquals(Duration.ofMinutes(30), PluginServer.DEFAULT_IDLE);
    }

    private static ByteArrayInputStream request(String secret, List<String> env, List<String> args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write((Handoff.MAGIC + secret + "\n").getBytes(StandardCharsets.US_ASCII));
        writeString(out, "0.1.0-123");
        writeString(out, "pulumi");
        out.writeInt(env.size());
        for (String e : env) {
            writeString(out, e);
        }
        out.writeInt(args.size());
        for (String a : args) {
            writeString(out, a);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}

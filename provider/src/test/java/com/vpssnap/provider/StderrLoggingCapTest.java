package com.vpssnap.provider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm server's own log stops at its cap, and says so once. */
class StderrLoggingCapTest {
    private final PrintStream stderr = System.err;

    @AfterEach
    void restore() {
        System.setErr(stderr);
        LogManager.getLogManager().reset();
    }

    @Test
    void theServersLogStopsAtItsCapAndSaysSoOnce() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
        StderrLogging.installPerSession(1000);
        Logger log = Logger.getLogger("com.vpssnap.provider.server.PluginServer");
        for (int i = 0; i < 100; i++) {
            log.warning("line " + i + " " + "x".repeat(50));
        }
        String said = written.toString(StandardCharsets.UTF_8);
        assertTrue(said.length() < 1000 + 200, "at most the cap, one line over it and the notice: " + said.length() + " bytes");
        assertTrue(said.contains("line 0 "), said);
        assertEquals(1, said.split("reached its cap", -1).length - 1, said);
        assertTrue(!said.contains("line 99 "), said);
    }
}

package com.vpssnap.emulator;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: flags over variables, clear refusals, and the first stdout line scripts read. */
class EmulatorMainTest {
    @Test
    void flagsWinOverEnvironmentVariables() {
        EmulatorOptions o = EmulatorMain.parse(new String[]{"--create-ms", "42", "--port=0"},
                Map.of("VPSSNAP_EMULATOR_CREATE_MS", "999", "VPSSNAP_EMULATOR_REVERT_MS", "7"));
        assertEquals(42, o.timing().createMs());
        assertEquals(7, o.timing().ms("revertMs"));
        assertEquals(0, o.port());
        assertNull(EmulatorMain.parse(new String[]{"--help"}, Map.of()));
    }

    @Test
    void badFlagsNameTheFlagAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmulatorMain.parse(new String[]{"--port", "eighty"}, Map.of()));
        assertTrue(e.getMessage().contains("--port") && e.getMessage().contains("eighty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmulatorMain.parse(new String[]{"--colour"}, Map.of()));
    }

    @Test
    void firstStdoutLineNamesTheUrl() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "--port", "0")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line = out.readLine();
            assertTrue(line != null && line.matches("vpssnap-emulator listening on http://127\\.0\\.0\\.1:\\d+"), line);
        } finally {
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "stops on SIGTERM");
        }
    }
}

package com.vpssnap.provider.contract;

import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** make contract against the emulator, as make test runs it: so the suite cannot rot. */
class ContractSuiteTest {
    private static EmulatorFixture emulator;

    @BeforeAll
    static void start() {
        emulator = EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(300).deleteMs(300));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
        emulator.clearRequests();
    }

    private static Map<String, String> both() {
        return Map.of("VPSSNAP_LOCAWEB_ENDPOINT", emulator.locawebEndpoint(), "VPSSNAP_LOCAWEB_TOKEN", EmulatorFixture.LOCAWEB_TOKEN,
                "VPSSNAP_CONTRACT_LOCAWEB_SERVER", "cpro0299",
                "VPSSNAP_VPSORG_ENDPOINT", emulator.vpsorgEndpoint(), "VPSSNAP_VPSORG_TOKEN", EmulatorFixture.VPSORG_TOKEN,
                "VPSSNAP_CONTRACT_VPSORG_SERVER_ID", "12345", "VPSSNAP_CONTRACT_POLL_MS", "100");
    }

    @Test
    void theEmulatorKeepsTheContractAndIsLeftAsItWas() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ContractSuite.run(both(), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed);
        assertFalse(printed.contains("FAIL"), printed);
        assertTrue(printed.contains("16 checks held, 0 failed"), printed);
        assertTrue(printed.contains("made snapshot 2695 on cpro0299") && printed.contains("made snapshot 801 on server 12345"), printed);
        assertEquals(0, emulator.totalSnapshots(), "the suite deletes what it made");
        assertFalse(printed.contains(EmulatorFixture.LOCAWEB_TOKEN) || printed.contains(EmulatorFixture.VPSORG_TOKEN), printed);
    }

    @Test
    void withoutTokensItSaysWhatItNeedsAndCallsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ContractSuite.run(Map.of("VPSSNAP_LOCAWEB_ENDPOINT", emulator.locawebEndpoint()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, printed);
        assertTrue(printed.contains("neither VPSSNAP_LOCAWEB_TOKEN nor VPSSNAP_VPSORG_TOKEN is set")
                && printed.contains("VPSSNAP_CONTRACT_LOCAWEB_SERVER") && printed.contains("Nothing was called."), printed);
        assertEquals(0, emulator.requests().size(), "nothing called: " + emulator.requests());
    }

    @Test
    void aDeleteTheChecksSentIsWaitedForNotSentAgain() {
        // Done at once, gone only after 2 s: the delete check passes, the "then 404" check has no
        // patience and fails, and the clean-up finds the snapshot already being deleted. A second
        // delete would be refused (409) and the clean-up would give up with the snapshot still there.
        emulator.timing("{\"createMs\": 0, \"deleteMs\": 2000}");
        Map<String, String> env = new java.util.HashMap<>(both());
        env.put("VPSSNAP_CONTRACT_PATIENCE_MINUTES", "0");
        env.remove("VPSSNAP_VPSORG_TOKEN");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ContractSuite.run(env, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, printed);
        assertTrue(printed.contains("cleaned up: snapshot") && !printed.contains("delete it by hand"), printed);
        assertEquals(1, emulator.countRequests("DELETE", "/v1/cloud/servers/cpro0299/snapshots/\\d+"), "one delete: " + printed);
        assertEquals(0, emulator.locawebSnapshots("cpro0299").size(), printed);
    }

    @Test
    void aFailedCheckIsReportedAndTheSnapshotStillDeleted() {
        // No patience: the snapshot is still creating at the first look, so that check fails, the
        // delete is refused (Locaweb deletes only done or error snapshots), and the clean-up must wait.
        Map<String, String> env = new java.util.HashMap<>(both());
        env.put("VPSSNAP_CONTRACT_PATIENCE_MINUTES", "0");
        env.remove("VPSSNAP_VPSORG_TOKEN");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ContractSuite.run(env, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, printed);
        assertTrue(printed.contains("FAIL  locaweb: it becomes done, through creating only"), printed);
        assertEquals(0, emulator.locawebSnapshots("cpro0299").size(), "deleted though a check failed: " + printed);
    }
}

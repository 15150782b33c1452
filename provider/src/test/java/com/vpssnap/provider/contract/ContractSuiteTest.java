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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
    void aTokenWithoutItsServerNamesBothVariablesAndWhatTheServerLooksLike() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ContractSuite.run(Map.of("VPSSNAP_VPSORG_ENDPOINT", emulator.vpsorgEndpoint(), "VPSSNAP_VPSORG_TOKEN", "x",
                "VPSSNAP_CONTRACT_VPSORG_SERVER_ID", "web-1"), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, printed);
        assertTrue(printed.contains("VPSSNAP_VPSORG_TOKEN is set but VPSSNAP_CONTRACT_VPSORG_SERVER_ID is not a server id, e.g. 12345"), printed);
        // The usage names every cloud whose module offers a contract, with its own variables and default endpoint.
        assertTrue(printed.contains("Locaweb Cloud: VPSSNAP_LOCAWEB_TOKEN, VPSSNAP_CONTRACT_LOCAWEB_SERVER")
                && printed.contains("VPS.org: VPSSNAP_VPSORG_TOKEN, VPSSNAP_CONTRACT_VPSORG_SERVER_ID")
                && printed.contains("VPSSNAP_VPSORG_ENDPOINT unless it is https://"), printed);
        assertEquals(0, emulator.requests().size(), "nothing called: " + emulator.requests());
    }

    @Test
    void aDeleteTheChecksSentIsWaitedForNotSentAgain() throws Exception {
        // Done at once, then held in deletion: the delete check passes, the "then 404" check has no
        // patience and fails, and the clean-up finds the snapshot already being deleted. A second
        // delete would be refused (409) and the clean-up would give up with the snapshot still there.
        emulator.timing("{\"createMs\": 0, \"deleteMs\": 600000}");
        CompletableFuture<Run> run = runOnLocawebWithoutPatience();
        awaitTheCleanUp(run);
        emulator.deleteBehindProvider("/locaweb/servers/cpro0299/snapshots/" + FIRST_ID); // the delete completes
        Run done = run.get(60, TimeUnit.SECONDS);
        assertEquals(1, done.status(), done.printed());
        assertTrue(done.printed().contains("cleaned up: snapshot") && !done.printed().contains("delete it by hand"), done.printed());
        assertEquals(1, emulator.countRequests("DELETE", "/v1/cloud/servers/cpro0299/snapshots/\\d+"), "one delete: " + done.printed());
    }

    @Test
    void aFailedCheckIsReportedAndTheSnapshotStillDeleted() throws Exception {
        // Held in creating: that check fails at its first look, the delete is refused (Locaweb deletes
        // only done or error snapshots), and the clean-up must wait for the snapshot to settle.
        emulator.timing("{\"createMs\": 600000}");
        CompletableFuture<Run> run = runOnLocawebWithoutPatience();
        awaitTheCleanUp(run);
        emulator.patch("/locaweb/servers/cpro0299/snapshots/" + FIRST_ID, "{\"status\": \"done\"}");
        Run done = run.get(60, TimeUnit.SECONDS);
        assertEquals(1, done.status(), done.printed());
        assertTrue(done.printed().contains("FAIL  locaweb: it becomes done, through creating only"), done.printed());
        assertEquals(0, emulator.locawebSnapshots("cpro0299").size(), "deleted though a check failed: " + done.printed());
    }

    /** The first snapshot id of a reset emulator's Locaweb. */
    private static final long FIRST_ID = 2695;

    private record Run(int status, String printed) {
    }

    /** The suite on Locaweb alone, with no patience for its checks, in the background. */
    private static CompletableFuture<Run> runOnLocawebWithoutPatience() {
        Map<String, String> env = new java.util.HashMap<>(both());
        env.put("VPSSNAP_CONTRACT_PATIENCE_MINUTES", "0");
        env.remove("VPSSNAP_VPSORG_TOKEN");
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = ContractSuite.run(env, new PrintStream(out, true, StandardCharsets.UTF_8));
            return new Run(status, out.toString(StandardCharsets.UTF_8));
        });
    }

    /**
     * Waits until the clean-up polls the snapshot (the checks look at it at most twice; the
     * clean-up looks again every 100 ms until it settles), or the run ended without one.
     */
    private static void awaitTheCleanUp(CompletableFuture<Run> run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!run.isDone() && emulator.countRequests("GET", "/v1/cloud/servers/cpro0299/snapshots/" + FIRST_ID) < 6) {
            assertTrue(System.nanoTime() < deadline, "no clean-up within 60 s: " + emulator.requests());
            Thread.sleep(50);
        }
    }
}

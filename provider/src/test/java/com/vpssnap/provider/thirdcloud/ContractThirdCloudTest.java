package com.vpssnap.provider.thirdcloud;

import com.vpssnap.provider.contract.ContractSuite;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** make contract finds Acme by its module alone: its variables, its usage line, its checks against its emulator. */
class ContractThirdCloudTest extends AcmeEmulatorTest {
    @Test
    void itsChecksRunWithItsOwnVariablesAndLeaveNothingBehind() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("VPSSNAP_ACME_ENDPOINT", emulator.url() + AcmeEmulation.PREFIX,
                "VPSSNAP_ACME_TOKEN", AcmeEmulation.TOKEN, "VPSSNAP_CONTRACT_ACME_MACHINE", "m2");
        int status = ContractSuite.run(env, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed);
        assertTrue(printed.contains("4 checks held, 0 failed"), printed);
        assertTrue(printed.contains("made snapshot 1 on m2"), printed);
        assertEquals(List.of(), AcmeFixture.snapshotIds(emulator, "m2"), "the suite deletes what it made");
    }

    @Test
    void itsUsageNamesItsVariables() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ContractSuite.run(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, printed);
        assertTrue(printed.contains("VPSSNAP_ACME_TOKEN") && printed.contains("VPSSNAP_CONTRACT_ACME_MACHINE"), printed);
    }
}

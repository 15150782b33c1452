package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.testsupport.CloudCase;

import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input through the real pulumi CLI: a clear message naming the field, and nothing lost or sent. */
class PulumiBadInputIT extends EmulatorTest {
    @Test
    void invalidNameIsRefusedBeforeAnyCall(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = PulumiYamlLifecycleIT.stack(CloudCase.VPSORG, workspace, emulator);
        pulumi.writeProgram(PulumiYamlLifecycleIT.program(CloudCase.VPSORG,
                CloudCase.VPSORG.resource("snap", "\"before upgrade!\"", null, null)));
        emulator.clearRequests();
        ProcessResult preview = pulumi.run("preview");
        assertNotEquals(0, preview.exitCode(), preview.toString());
        assertTrue(preview.combined().contains("name"), preview.toString());
        assertTrue(preview.combined().contains("before upgrade!"), "the value is quoted: " + preview);
        assertTrue(preview.combined().contains("letters, digits, '-' and '_'"), "what is allowed: " + preview);
        assertEquals(0, emulator.countRequests("POST", ".*"), "nothing was sent: " + emulator.requests());
    }

    @Test
    void missingTokenNamesTheConfigKeyAndTheVariable(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = new PulumiCli(workspace);
        pulumi.writeProgram(PulumiYamlLifecycleIT.program(CloudCase.LOCAWEB,
                CloudCase.LOCAWEB.resource("snap", "no-token", null, null)));
        pulumi.ok("stack", "init", "dev");
        pulumi.ok("config", "set", "vpssnap:locawebEndpoint", emulator.locawebEndpoint());
        ProcessResult up = pulumi.run("up", "--yes", "--skip-preview");
        assertNotEquals(0, up.exitCode(), up.toString());
        assertTrue(up.combined().contains("vpssnap:locawebToken"), up.toString());
        assertTrue(up.combined().contains("VPSSNAP_LOCAWEB_TOKEN"), up.toString());
        assertEquals(0, emulator.totalSnapshots());
    }

    @Test
    void sixthSnapshotOnAVpsorgServerFailsClearlyAndKeepsTheFive(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = PulumiYamlLifecycleIT.stack(CloudCase.VPSORG, workspace, emulator);
        StringBuilder resources = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            resources.append(CloudCase.VPSORG.resource("snap" + i, "limit-" + i, null, null));
        }
        pulumi.writeProgram(PulumiYamlLifecycleIT.program(CloudCase.VPSORG, resources.toString()));
        ProcessResult up = pulumi.run("up", "--yes", "--skip-preview");
        assertNotEquals(0, up.exitCode(), up.toString());
        assertTrue(up.combined().contains("Snapshot limit reached"), up.toString());
        assertEquals(5, emulator.vpsorgSnapshots(12345).size());
        String state = pulumi.exportedState();
        int inState = state.split("\"type\": \"vpssnap:vpsorg:Snapshot\"", -1).length - 1;
        assertEquals(5, inState, "every snapshot that exists is in state");
        pulumi.ok("destroy", "--yes", "--skip-preview");
        assertEquals(0, emulator.totalSnapshots());
    }
}

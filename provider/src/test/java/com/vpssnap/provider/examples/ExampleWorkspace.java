package com.vpssnap.provider.examples;

import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ExampleFiles;
import com.vpssnap.provider.testsupport.PulumiCli;

import java.nio.file.Path;

/** A copy of one of examples/ in a fresh Pulumi workspace, with a stack pointed at the emulator. */
final class ExampleWorkspace {
    private ExampleWorkspace() {
    }

    static PulumiCli stack(String example, Path workspace, EmulatorFixture emulator) throws Exception {
        PulumiCli pulumi = new PulumiCli(workspace);
        ExampleFiles.copy(example, pulumi.projectDir());
        pulumi.ok("stack", "init", "dev");
        pulumi.ok("config", "set", "vpssnap:locawebEndpoint", emulator.locawebEndpoint());
        pulumi.ok("config", "set", "vpssnap:vpsorgEndpoint", emulator.vpsorgEndpoint());
        pulumi.ok("config", "set", "--secret", "vpssnap:locawebToken", EmulatorFixture.LOCAWEB_TOKEN);
        pulumi.ok("config", "set", "--secret", "vpssnap:vpsorgToken", EmulatorFixture.VPSORG_TOKEN);
        return pulumi;
    }
}

package com.vpssnap.provider.examples;

import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TestEnvironment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the tests run one stack operation (up, preview --expect-no-changes, destroy) of an example
 * in each Pulumi language. YAML and Java run as `pulumi` programs with their language hosts;
 * TypeScript, Python and Go run their Automation API script, an inline program, since their
 * language hosts cannot be built here (tools/README.md). Config is set with `pulumi` alike.
 */
enum StackLanguage {
    YAML("yaml"),
    JAVA("java"),
    TYPESCRIPT("typescript"),
    PYTHON("python"),
    GO("go");

    private final String directory;

    StackLanguage(String directory) {
        this.directory = directory;
    }

    String directory() {
        return directory;
    }

    /** Runs the operation on the example's main program. */
    ProcessResult run(PulumiCli pulumi, String operation) {
        if (this == YAML || this == JAVA) {
            return pulumi.run(cliArguments(operation));
        }
        List<String> command = new ArrayList<>(launcher());
        command.add(operation);
        return pulumi.exec(command);
    }

    /** Runs the operation on another program of an Automation API script (e.g. "snapshots"). */
    ProcessResult run(PulumiCli pulumi, String operation, String program) {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(List.of(this == GO ? "-program" : "--program", program, operation));
        return pulumi.exec(command);
    }

    void ok(PulumiCli pulumi, String operation) {
        check(operation, run(pulumi, operation));
    }

    void ok(PulumiCli pulumi, String operation, String program) {
        check(operation + " of " + program, run(pulumi, operation, program));
    }

    private void check(String operation, ProcessResult result) {
        if (result.exitCode() != 0) {
            throw new AssertionError(this + " " + operation + " failed: " + result);
        }
    }

    private static String[] cliArguments(String operation) {
        return switch (operation) {
            case "up" -> new String[] {"up", "--yes", "--skip-preview"};
            case "preview" -> new String[] {"preview", "--expect-no-changes"};
            case "destroy" -> new String[] {"destroy", "--yes", "--skip-preview"};
            default -> throw new IllegalArgumentException(operation);
        };
    }

    /** The Automation API script, from the checkout (where make built it), run in the copied project. */
    private List<String> launcher() {
        Path examples = TestEnvironment.repositoryRoot().resolve("examples/rollback-points");
        return switch (this) {
            case TYPESCRIPT -> List.of("node", examples.resolve("typescript/bin/automation.js").toString());
            case PYTHON -> List.of(TestEnvironment.python().toString(), examples.resolve("python/automation.py").toString());
            case GO -> List.of(TestEnvironment.goProgram().toString());
            default -> throw new IllegalStateException(this + " runs through pulumi");
        };
    }
}

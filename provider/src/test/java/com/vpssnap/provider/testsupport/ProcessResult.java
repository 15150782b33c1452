package com.vpssnap.provider.testsupport;

/** What a finished command printed, for assertions and for failure messages. */
public record ProcessResult(int exitCode, String stdout, String stderr) {
    public String combined() {
        return stdout + "\n" + stderr;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}

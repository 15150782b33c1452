package com.vpssnap.provider.contract;

import com.vpssnap.provider.core.ContractChecks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The checks' outcomes, printed as they happen: one line each, "ok" or "FAIL" and what was checked. */
public final class ContractReport {
    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private int passed;

    public ContractReport(PrintStream out) {
        this.out = out;
    }

    /** Records one check; {@code problem} is null when it held. */
    void check(String what, String problem) {
        if (problem == null) {
            passed++;
            out.println("ok    " + what);
        } else {
            failures.add(what + ": " + problem);
            out.println("FAIL  " + what + ": " + problem);
        }
    }

    /** Runs a check and records it; returns whether it held. */
    boolean run(String what, ContractChecks.Check check) {
        String problem;
        try {
            problem = check.problem();
        } catch (Exception e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        check(what, problem);
        return problem == null;
    }

    void note(String line) {
        out.println("      " + line);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public int passed() {
        return passed;
    }
}

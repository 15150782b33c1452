package com.vpssnap.provider.core;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a cloud's contract checks ({@link CloudContract}) report to and wait with; the contract
 * suite (make contract) implements it and prints each outcome as it happens.
 */
public interface ContractChecks {
    /** The snapshot name the run makes on each cloud, vpssnap-contract-&lt;UTC timestamp&gt;. */
    String name();

    /** How long a wait may take before its check fails. */
    Duration patience();

    /** Runs a check and records it; returns whether it held. */
    boolean run(String what, Check check);

    /** Records a check whose outcome is known: {@code problem} is null when it held. */
    void check(String what, String problem);

    /** A line under the last check, for what a person running the suite needs to know. */
    void note(String line);

    /** Every status {@code status} shows until one passes {@code until}; a timeout after {@code limit}. */
    Set<String> watch(String subject, Duration limit, Supplier<String> status, Predicate<String> until);

    /** A check: null when it holds, else what was wrong. An exception is what was wrong. */
    @FunctionalInterface
    interface Check {
        String problem() throws Exception;
    }
}

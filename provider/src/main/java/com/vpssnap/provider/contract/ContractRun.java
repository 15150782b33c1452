package com.vpssnap.provider.contract;

import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.Poll;
import com.vpssnap.provider.cloud.wait.Poller;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import com.vpssnap.provider.core.ContractChecks;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What one run of the suite shares across clouds: the checks' report, their patience and how
 * often a wait looks.
 *
 * @param name the snapshot name it makes on each cloud, vpssnap-contract-&lt;UTC timestamp&gt;
 * @param patience how long a wait may take before its check fails
 * @param every the first interval between looks; it grows as the clients' own waits do
 */
record ContractRun(String name, Duration patience, Duration every, ContractReport report) implements ContractChecks {
    private static final Duration LONGEST_INTERVAL = Duration.ofSeconds(10);

    @Override
    public boolean run(String what, Check check) {
        return report.run(what, check);
    }

    @Override
    public void check(String what, String problem) {
        report.check(what, problem);
    }

    @Override
    public void note(String line) {
        report.note(line);
    }

    /** Looked at once, then by the clients' poller; a WaitTimeoutException (naming the last status) after {@code limit}. */
    @Override
    public Set<String> watch(String subject, Duration limit, Supplier<String> status, Predicate<String> until) {
        Set<String> seen = new LinkedHashSet<>();
        String first = status.get();
        seen.add(first);
        if (until.test(first)) {
            return seen;
        }
        new Poller(every, 1.5, LONGEST_INTERVAL).await(subject, "the awaited state", () -> {
            String now = status.get();
            seen.add(now);
            return until.test(now) ? Poll.done(now) : Poll.pending(now);
        }, Instant.now().plus(limit), new Cancellation(), ProgressListener.NONE);
        return seen;
    }
}

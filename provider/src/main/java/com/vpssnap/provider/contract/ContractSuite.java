package com.vpssnap.provider.contract;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * {@code make contract}: checks that an endpoint (the real clouds, or the emulator) still answers
 * as the clients and the emulator assume. Exit 0 when every check holds, 1 when one failed, 2
 * when the environment names nothing to check (and then nothing is called).
 */
public final class ContractSuite {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private ContractSuite() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out));
    }

    /** Runs the suite for the clouds the environment names; the exit status. */
    public static int run(Map<String, String> env, PrintStream out) {
        ContractTarget.Targets named = ContractTarget.fromEnvironment(env);
        if (!named.problems().isEmpty()) {
            named.problems().forEach(p -> out.println("make contract: " + p));
            out.println(ContractTarget.usage());
            return 2;
        }
        Duration patience = Duration.ofMinutes(Long.parseLong(env.getOrDefault("VPSSNAP_CONTRACT_PATIENCE_MINUTES", "30")));
        // How often a wait looks again; the emulator's suite run looks more often than a real account needs.
        Duration every = Duration.ofMillis(Long.parseLong(env.getOrDefault("VPSSNAP_CONTRACT_POLL_MS", "1000")));
        String name = "vpssnap-contract-" + STAMP.format(Instant.now());
        ContractReport report = new ContractReport(out);
        ContractRun run = new ContractRun(name, patience, every, report);
        for (ContractTarget target : named.targets()) {
            target.contract().checks().run(target.endpoint(), target.token(), target.server(), run);
        }
        out.println(report.passed() + " checks held, " + report.failures().size() + " failed");
        return report.failures().isEmpty() ? 0 : 1;
    }
}

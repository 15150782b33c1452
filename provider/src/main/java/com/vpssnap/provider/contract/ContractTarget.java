package com.vpssnap.provider.contract;

import com.vpssnap.provider.core.CloudContract;
import com.vpssnap.provider.core.CloudModule;
import com.vpssnap.provider.core.Clouds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cloud the contract suite checks, from the environment: its endpoint (the module's setting, or
 * its default), its token and a server it may make one snapshot on. Every cloud whose module offers a
 * contract is a candidate; one without its token is skipped.
 */
record ContractTarget(CloudContract contract, String endpoint, String token, String server) {

    /** What the environment names, and what is missing: a cloud whose token is set but not its server, or no cloud at all. */
    record Targets(List<ContractTarget> targets, List<String> problems) {
    }

    static Targets fromEnvironment(Map<String, String> env) {
        List<ContractTarget> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CloudModule<?> module : Clouds.ALL) {
            if (module.contract().isEmpty()) {
                continue;
            }
            CloudContract contract = module.contract().get();
            String token = blankToNull(env.get(module.tokenSetting().environmentVariable()));
            String server = blankToNull(env.get(contract.serverVariable()));
            if (token == null) {
                continue;
            }
            if (server == null || !contract.isServer().test(server)) {
                problems.add(module.tokenSetting().environmentVariable() + " is set but " + contract.serverVariable()
                        + " is not " + contract.serverHint());
                continue;
            }
            String endpoint = env.getOrDefault(module.endpointSetting().environmentVariable(), module.endpointSetting().defaultValue());
            targets.add(new ContractTarget(contract, endpoint, token, server));
        }
        if (problems.isEmpty() && targets.isEmpty()) {
            problems.add("no cloud to check: " + noneSet(tokenVariables()));
        }
        return new Targets(targets, problems);
    }

    /** What the suite needs and does, from every module that offers a contract. */
    static String usage() {
        StringBuilder text = new StringBuilder("make contract checks that a real endpoint still behaves as the clients and the emulator assume.\n"
                + "It needs, for each cloud to check:\n");
        for (CloudModule<?> module : Clouds.ALL) {
            module.contract().ifPresent(contract -> text.append("  ").append(contract.cloud()).append(": ")
                    .append(module.tokenSetting().environmentVariable()).append(", ").append(contract.serverVariable())
                    .append(" (").append(contract.serverHint()).append("),\n    and ")
                    .append(module.endpointSetting().environmentVariable()).append(" unless it is ")
                    .append(module.endpointSetting().defaultValue()).append('\n'));
        }
        return text.append("""
                On each cloud it makes one snapshot named vpssnap-contract-<timestamp> on that server, waits until it is
                ready, deletes it and waits until it is gone (deleted even when a check fails). It never reverts or
                restores a server. Nothing was called.""").toString();
    }

    private static List<String> tokenVariables() {
        return Clouds.ALL.stream().filter(m -> m.contract().isPresent()).map(m -> m.tokenSetting().environmentVariable()).toList();
    }

    /** "A is not set", "neither A nor B is set", "none of A, B, C is set". */
    private static String noneSet(List<String> names) {
        if (names.size() == 1) {
            return names.get(0) + " is not set";
        }
        if (names.size() == 2) {
            return "neither " + names.get(0) + " nor " + names.get(1) + " is set";
        }
        return "none of " + String.join(", ", names) + " is set";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Tokens are never printed. */
    @Override
    public String toString() {
        return "ContractTarget{" + contract.cloud() + " at " + endpoint + ", server " + server + ", token hidden}";
    }
}

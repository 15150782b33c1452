package com.vpssnap.provider.core;

import java.util.function.Predicate;

/**
 * A cloud's contract checks (make contract): what its client and the emulator assume of its API,
 * checked on one server of a real account. Offered by the cloud's module ({@link CloudModule#contract});
 * the contract suite finds the endpoint and token by the module's own settings.
 *
 * @param cloud the cloud's name as people say it ("Locaweb Cloud")
 * @param serverVariable the environment variable naming the server the checks may use
 * @param serverHint what that variable holds, for the usage text ("a server name, e.g. cpro0299")
 * @param isServer whether a value names a server (a VPS.org server is a number)
 * @param checks runs every check on that server
 */
public record CloudContract(String cloud, String serverVariable, String serverHint, Predicate<String> isServer, Checks checks) {
    /** Runs every check of one cloud on one server. */
    @FunctionalInterface
    public interface Checks {
        void run(String endpoint, String token, String server, ContractChecks report);
    }
}

package com.vpssnap.provider.thirdcloud;

import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.UnauthorizedException;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.core.CloudContract;
import com.vpssnap.provider.core.ContractChecks;

/** What AcmeClient assumes of Acme's API, checked on one machine: a wrong key, a snapshot made, listed and deleted. */
final class AcmeContract {
    static final CloudContract CONTRACT = new CloudContract("Acme", "VPSSNAP_CONTRACT_ACME_MACHINE",
            "a machine name, e.g. m1", machine -> machine.matches("[a-z][a-z0-9-]*"),
            (endpoint, token, machine, report) -> run(endpoint, token, machine, report));

    private AcmeContract() {
    }

    private static void run(String endpoint, String token, String machine, ContractChecks checks) {
        Cancellation cancellation = new Cancellation();
        AcmeClient client = new AcmeClient(Endpoint.parse(endpoint, "acmeEndpoint"), new Secret(token), cancellation);
        checks.run("acme: a wrong key is refused with 401", () -> {
            try {
                new AcmeClient(Endpoint.parse(endpoint, "acmeEndpoint"), new Secret("wrong"), cancellation).list(machine);
                return "the machine's snapshots were listed";
            } catch (UnauthorizedException expected) {
                return null;
            }
        });
        long[] made = {-1};
        checks.run("acme: a snapshot is made ready at once", () -> {
            AcmeClient.Snapshot s = client.create(machine, checks.name(), "made by make contract");
            made[0] = s.id();
            checks.note("made snapshot " + s.id() + " on " + machine);
            return AcmeClient.Snapshot.READY.equals(s.state()) ? null : "its state is " + s.state();
        });
        if (made[0] < 0) {
            return;
        }
        checks.run("acme: the machine's snapshots list it", () -> client.list(machine).stream().anyMatch(s -> s.id() == made[0])
                ? null : "snapshot " + made[0] + " is not listed");
        checks.run("acme: a deleted snapshot reads as 404", () -> {
            client.delete(machine, made[0]);
            try {
                client.get(machine, made[0]);
                return "snapshot " + made[0] + " still reads";
            } catch (NotFoundException expected) {
                return null;
            }
        });
    }
}

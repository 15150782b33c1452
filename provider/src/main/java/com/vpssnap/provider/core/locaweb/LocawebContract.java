package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.ApiException;
import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.UnauthorizedException;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.WaitTimeoutException;
import com.vpssnap.provider.core.CloudContract;
import com.vpssnap.provider.core.ContractChecks;

import java.time.Duration;
import java.util.Set;

/** What the Locaweb client and the emulator assume of Locaweb Cloud's API, checked on one server. */
final class LocawebContract {
    static final CloudContract CONTRACT = new CloudContract("Locaweb Cloud", "VPSSNAP_CONTRACT_LOCAWEB_SERVER",
            "a server name, e.g. cpro0299", server -> !server.isBlank(),
            (endpoint, token, server, report) -> new LocawebContract(endpoint, token, server, report).run());
    private static final Duration CLEANUP_PATIENCE = Duration.ofMinutes(10);
    private final String endpoint;
    private final String token;
    private final String server;
    private final ContractChecks checks;

    private LocawebContract(String endpoint, String token, String server, ContractChecks checks) {
        this.endpoint = endpoint;
        this.token = token;
        this.server = server;
        this.checks = checks;
    }

    void run() {
        Cancellation cancellation = new Cancellation();
        LocawebClient client = client(token, cancellation);
        checks.run("locaweb: a wrong token is refused with 401 or 403", () -> {
            try {
                client("vpssnap-contract-wrong-token", cancellation).listSnapshots(server);
                return "the listing was answered";
            } catch (UnauthorizedException expected) {
                return null;
            }
        });
        checks.run("locaweb: the server's snapshots list as JSON:API pages (data, links.next)", () -> {
            checks.note(client.listSnapshots(server).size() + " snapshots on " + server + " before");
            return null;
        });
        checks.run("locaweb: an unknown snapshot answers 404", () -> {
            try {
                client.getSnapshot(server, 999_999_999L);
                return "snapshot 999999999 was answered";
            } catch (NotFoundException expected) {
                return null;
            }
        });
        long[] made = {-1};
        boolean[] gone = {false};
        try {
            checks.run("locaweb: a create answers 201 with the snapshot, as named, creating or done", () -> {
                LocawebSnapshot s = client.createSnapshot(server, checks.name(), "made by make contract; deleted by it");
                made[0] = s.id();
                checks.note("made snapshot " + s.id() + " on " + server);
                if (!checks.name().equals(s.name())) {
                    return "named " + s.name();
                }
                return Set.of(LocawebSnapshot.CREATING, LocawebSnapshot.DONE).contains(s.status()) ? null : "status " + s.status();
            });
            if (made[0] < 0) {
                return;
            }
            checks.run("locaweb: it becomes done, through creating only", () -> {
                Set<String> seen = checks.watch("snapshot " + made[0], checks.patience(),
                        () -> client.getSnapshot(server, made[0]).status(), LocawebSnapshot.DONE::equals);
                seen.removeAll(Set.of(LocawebSnapshot.CREATING, LocawebSnapshot.DONE));
                return seen.isEmpty() ? null : "passed through " + seen;
            });
            checks.run("locaweb: the listing shows it", () -> client.listSnapshots(server).stream()
                    .anyMatch(s -> s.id() == made[0]) ? null : "snapshot " + made[0] + " is not listed");
            checks.run("locaweb: its actions list (read only: nothing is reverted)", () -> {
                client.listActions(server, made[0]);
                return null;
            });
            checks.run("locaweb: a delete is accepted", () -> {
                client.deleteSnapshot(server, made[0]);
                return null;
            });
            checks.run("locaweb: it goes, through waiting_deletion or removing, then 404", () -> {
                Set<String> seen = checks.watch("snapshot " + made[0], checks.patience(), () -> statusOr404(client, made[0]),
                        "404"::equals);
                gone[0] = true;
                seen.removeAll(Set.of(LocawebSnapshot.WAITING_DELETION, LocawebSnapshot.REMOVING, LocawebSnapshot.DONE, "404"));
                return seen.isEmpty() ? null : "passed through " + seen;
            });
        } finally {
            if (made[0] >= 0 && !gone[0]) {
                cleanUp(client, made[0]);
            }
        }
    }

    private String statusOr404(LocawebClient client, long id) {
        try {
            return client.getSnapshot(server, id).status();
        } catch (NotFoundException deleted) {
            return "404";
        }
    }

    /**
     * Deletes what the suite made, after a failed check too. Locaweb refuses to delete a snapshot
     * still creating or reverting (409), so this waits for it to settle first, then until it is
     * gone (Locaweb deletes asynchronously): ten minutes for each. A snapshot whose delete the
     * checks already sent (waiting_deletion, removing) is only waited for: a second delete is refused.
     */
    private void cleanUp(LocawebClient client, long id) {
        String subject = "snapshot " + id;
        try {
            checks.watch(subject, CLEANUP_PATIENCE, () -> statusOr404(client, id),
                    s -> !s.equals(LocawebSnapshot.CREATING) && !s.equals(LocawebSnapshot.REVERTING));
            String settled = statusOr404(client, id);
            if (!Set.of("404", LocawebSnapshot.WAITING_DELETION, LocawebSnapshot.REMOVING).contains(settled)) {
                client.deleteSnapshot(server, id);
            }
            checks.watch(subject, CLEANUP_PATIENCE, () -> statusOr404(client, id), "404"::equals);
            checks.note("cleaned up: snapshot " + id + " is gone");
        } catch (WaitTimeoutException e) {
            checks.note("snapshot " + id + " on " + server + " is not gone: " + e.getMessage() + "; check it by hand");
        } catch (ApiException e) {
            checks.note("could not delete snapshot " + id + " on " + server + ": " + e.getMessage() + "; delete it by hand");
        }
    }

    private LocawebClient client(String token, Cancellation cancellation) {
        return new LocawebClient(Endpoint.parse(endpoint, LocawebCloud.ENDPOINT.environmentVariable()), new Secret(token),
                RetryPolicy.DEFAULT, cancellation);
    }
}

package com.vpssnap.provider.contract;

import com.vpssnap.provider.cloud.ApiException;
import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.UnauthorizedException;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.cloud.wait.Cancellation;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the Locaweb client and the emulator assume of Locaweb Cloud's API, checked on one server. */
final class LocawebContract {
    private static final Duration CLEANUP_PATIENCE = Duration.ofMinutes(10);
    private final String endpoint;
    private final String token;
    private final String server;
    private final ContractRun run;
    private final ContractReport report;

    LocawebContract(ContractTarget target, ContractRun run) {
        this.endpoint = target.locawebEndpoint();
        this.token = target.locawebToken();
        this.server = target.locawebServer();
        this.run = run;
        this.report = run.report();
    }

    void run() {
        Cancellation cancellation = new Cancellation();
        LocawebClient client = client(token, cancellation);
        report.run("locaweb: a wrong token is refused with 401 or 403", () -> {
            try {
                client("vpssnap-contract-wrong-token", cancellation).listSnapshots(server);
                return "the listing was answered";
            } catch (UnauthorizedException expected) {
                return null;
            }
        });
        report.run("locaweb: the server's snapshots list as JSON:API pages (data, links.next)", () -> {
            report.note(client.listSnapshots(server).size() + " snapshots on " + server + " before");
            return null;
        });
        report.run("locaweb: an unknown snapshot answers 404", () -> {
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
            report.run("locaweb: a create answers 201 with the snapshot, as named, creating or done", () -> {
                LocawebSnapshot s = client.createSnapshot(server, run.name(), "made by make contract; deleted by it");
                made[0] = s.id();
                report.note("made snapshot " + s.id() + " on " + server);
                if (!run.name().equals(s.name())) {
                    return "named " + s.name();
                }
                return Set.of(LocawebSnapshot.CREATING, LocawebSnapshot.DONE).contains(s.status()) ? null : "status " + s.status();
            });
            if (made[0] < 0) {
                return;
            }
            report.run("locaweb: it becomes done, through creating only", () -> {
                Set<String> seen = watch(() -> client.getSnapshot(server, made[0]).status(), LocawebSnapshot.DONE);
                seen.removeAll(Set.of(LocawebSnapshot.CREATING, LocawebSnapshot.DONE));
                return seen.isEmpty() ? null : "passed through " + seen;
            });
            report.run("locaweb: the listing shows it", () -> client.listSnapshots(server).stream()
                    .anyMatch(s -> s.id() == made[0]) ? null : "snapshot " + made[0] + " is not listed");
            report.run("locaweb: its actions list (read only: nothing is reverted)", () -> {
                client.listActions(server, made[0]);
                return null;
            });
            report.run("locaweb: a delete is accepted", () -> {
                client.deleteSnapshot(server, made[0]);
                return null;
            });
            report.run("locaweb: it goes, through waiting_deletion or removing, then 404", () -> {
                Set<String> seen = watch(() -> {
                    try {
                        return client.getSnapshot(server, made[0]).status();
                    } catch (NotFoundException deleted) {
                        return "404";
                    }
                }, "404");
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

    /** The statuses seen until {@code until}, looking at the run's interval, for at most its patience. */
    private Set<String> watch(StatusRead read, String until) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        long deadline = System.nanoTime() + run.patience().toNanos();
        while (true) {
            String status = read.status();
            seen.add(status);
            if (status.equals(until)) {
                return seen;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still " + status + " after " + run.patience().toMinutes() + " min");
            }
            Thread.sleep(run.every().toMillis());
        }
    }

    /**
     * Deletes what the suite made, after a failed check too. Locaweb refuses to delete a snapshot
     * still creating or reverting (409), so this waits for it to settle first, then until it is
     * gone (Locaweb deletes asynchronously): ten minutes in all.
     */
    private void cleanUp(LocawebClient client, long id) {
        try {
            long deadline = System.nanoTime() + CLEANUP_PATIENCE.toNanos();
            while (Set.of(LocawebSnapshot.CREATING, LocawebSnapshot.REVERTING).contains(client.getSnapshot(server, id).status())
                    && System.nanoTime() < deadline) {
                Thread.sleep(run.every().toMillis());
            }
            client.deleteSnapshot(server, id);
            while (System.nanoTime() < deadline) {
                client.getSnapshot(server, id); // throws NotFoundException once it is gone
                Thread.sleep(run.every().toMillis());
            }
            report.note("asked to delete snapshot " + id + " on " + server + ", still there after 10 min; check it by hand");
        } catch (NotFoundException gone) {
            report.note("cleaned up: snapshot " + id + " is gone");
        } catch (ApiException e) {
            report.note("could not delete snapshot " + id + " on " + server + ": " + e.getMessage() + "; delete it by hand");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.note("interrupted before deleting snapshot " + id + " on " + server + "; delete it by hand");
        }
    }

    private LocawebClient client(String token, Cancellation cancellation) {
        return new LocawebClient(Endpoint.parse(endpoint, "VPSSNAP_LOCAWEB_ENDPOINT"), new Secret(token),
                RetryPolicy.DEFAULT, cancellation);
    }

    @FunctionalInterface
    interface StatusRead {
        String status() throws Exception;
    }
}

package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.ApiException;
import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.UnauthorizedException;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgSnapshot;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.core.CloudContract;
import com.vpssnap.provider.core.ContractChecks;

import java.util.Set;

/** What the VPS.org client and the emulator assume of the VPS.org API, checked on one server. */
final class VpsorgContract {
    static final CloudContract CONTRACT = new CloudContract("VPS.org", "VPSSNAP_CONTRACT_VPSORG_SERVER_ID",
            "a server id, e.g. 12345", server -> server.matches("\\d{1,18}"),
            (endpoint, token, server, report) -> new VpsorgContract(endpoint, token, Long.parseLong(server), report).run());
    private final String endpoint;
    private final String token;
    private final long serverId;
    private final ContractChecks checks;

    private VpsorgContract(String endpoint, String token, long serverId, ContractChecks checks) {
        this.endpoint = endpoint;
        this.token = token;
        this.serverId = serverId;
        this.checks = checks;
    }

    void run() {
        Cancellation cancellation = new Cancellation();
        VpsorgClient client = client(token, cancellation);
        checks.run("vpsorg: a wrong token is refused with 401 or 403", () -> {
            try {
                client("vpssnap-contract-wrong-token", cancellation).getServer(serverId);
                return "the server was answered";
            } catch (UnauthorizedException expected) {
                return null;
            }
        });
        checks.run("vpsorg: the server answers with its id, name and status active", () -> {
            var server = client.getServer(serverId);
            return server.id() == serverId && "active".equals(server.status()) ? null
                    : "answered id " + server.id() + ", status " + server.status();
        });
        int[] before = {-1};
        checks.run("vpsorg: the server's snapshots list as pages (results, next), filtered by server_id", () -> {
            var listed = client.listSnapshots(serverId);
            before[0] = listed.size();
            checks.note(listed.size() + " snapshots on server " + serverId + " before");
            return listed.stream().allMatch(s -> s.serverId() == serverId) ? null : "another server's snapshot is listed";
        });
        if (before[0] >= 5) {
            checks.check("vpsorg: room for one more snapshot", "server " + serverId
                    + " already has 5, VPS.org's limit: the suite would fail to create; free one or pick another server");
            return;
        }
        checks.run("vpsorg: deleting an unknown snapshot answers 404", () -> {
            try {
                client.deleteSnapshot(999_999_999L);
                return "snapshot 999999999 was deleted";
            } catch (NotFoundException expected) {
                return null;
            }
        });
        long[] made = {-1};
        boolean[] gone = {false};
        try {
            checks.run("vpsorg: a create answers 201 with the snapshot, as named, in_progress (size unknown) or completed", () -> {
                VpsorgSnapshot s = client.createSnapshot(serverId, checks.name(), "made by make contract; deleted by it");
                made[0] = s.id();
                checks.note("made snapshot " + s.id() + " on server " + serverId);
                if (!checks.name().equals(s.name()) || s.serverId() != serverId) {
                    return "answered name " + s.name() + " on server " + s.serverId();
                }
                if (VpsorgSnapshot.IN_PROGRESS.equals(s.status())) {
                    return s.sizeMb() == null ? null : "in_progress with a size";
                }
                return VpsorgSnapshot.COMPLETED.equals(s.status()) ? null : "status " + s.status();
            });
            if (made[0] < 0) {
                return;
            }
            checks.run("vpsorg: it becomes completed, through in_progress only, with a size", () -> {
                Set<String> seen = checks.watch("snapshot " + made[0], checks.patience(),
                        () -> client.findSnapshot(made[0], serverId).map(VpsorgSnapshot::status).orElse("gone"),
                        s -> s.equals(VpsorgSnapshot.COMPLETED) || s.equals("gone"));
                if (seen.contains("gone")) {
                    return "it vanished while being created";
                }
                seen.removeAll(Set.of(VpsorgSnapshot.IN_PROGRESS, VpsorgSnapshot.COMPLETED));
                if (!seen.isEmpty()) {
                    return "passed through " + seen;
                }
                return client.findSnapshot(made[0], serverId).map(VpsorgSnapshot::sizeMb).isPresent() ? null
                        : "completed without a size";
            });
            checks.run("vpsorg: a delete is accepted and the snapshot is no longer listed", () -> {
                client.deleteSnapshot(made[0]);
                gone[0] = client.findSnapshot(made[0], serverId).isEmpty();
                return gone[0] ? null : "still listed after the delete";
            });
        } finally {
            if (made[0] >= 0 && !gone[0]) {
                try {
                    client.deleteSnapshot(made[0]);
                    checks.note("cleaned up: deleted snapshot " + made[0]);
                } catch (ApiException e) {
                    checks.note("could not delete snapshot " + made[0] + ": " + e.getMessage() + "; delete it by hand");
                }
            }
        }
    }

    private VpsorgClient client(String token, Cancellation cancellation) {
        return new VpsorgClient(Endpoint.parse(endpoint, VpsorgCloud.ENDPOINT.environmentVariable()), new Secret(token),
                RetryPolicy.DEFAULT, cancellation);
    }
}

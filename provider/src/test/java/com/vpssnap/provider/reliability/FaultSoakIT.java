package com.vpssnap.provider.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.PulumiCli;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 50 snapshots on 10 servers (5 per server: the VPS.org limit) through the real pulumi and tofu
 * while the emulator injects 10% 503, 5% 429 with Retry-After, 2% dropped connections and up to
 * 300 ms of latency on every API call. Afterwards the IaC state and the cloud agree exactly (no
 * orphan, no duplicate), a plan is clean, and destroy leaves nothing. Counts go to stdout ("SOAK").
 */
class FaultSoakIT {
    private static final List<String> LOCAWEB_SERVERS = List.of("cpro0299", "cpro0300", "cpro0301", "cpro0302", "cpro0303");
    private static final List<Integer> VPSORG_SERVERS = List.of(12345, 12346, 12347, 20001, 20002);
    private static final int PER_SERVER = 5;

    private EmulatorFixture emulator;
    private final Map<Integer, String> faultKinds = new TreeMap<>();

    @BeforeEach
    void startEmulator() {
        emulator = EmulatorFixture.start();
        emulator.addServer("{\"cloud\":\"locaweb\",\"name\":\"cpro0302\"}");
        emulator.addServer("{\"cloud\":\"locaweb\",\"name\":\"cpro0303\"}");
        emulator.addServer("{\"cloud\":\"vpsorg\",\"id\":20001,\"name\":\"soak-01\"}");
        emulator.addServer("{\"cloud\":\"vpsorg\",\"id\":20002,\"name\":\"soak-02\"}");
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void pulumiUpConvergesUnderFaults(@TempDir Path workspace) throws Exception {
        PulumiCli pulumi = new PulumiCli(workspace);
        pulumi.writeProgram(pulumiProgram());
        pulumi.ok("stack", "init", "soak");
        pulumi.ok("config", "set", "vpssnap:locawebEndpoint", emulator.locawebEndpoint());
        pulumi.ok("config", "set", "vpssnap:vpsorgEndpoint", emulator.vpsorgEndpoint());
        pulumi.ok("config", "set", "--secret", "vpssnap:locawebToken", EmulatorFixture.LOCAWEB_TOKEN);
        pulumi.ok("config", "set", "--secret", "vpssnap:vpsorgToken", EmulatorFixture.VPSORG_TOKEN);

        injectFaults();
        int ups = upUntilConverged(() -> pulumi.run("up", "--yes", "--skip-preview"));
        report("pulumi", ups);
        emulator.clearFaults();

        pulumi.ok("preview", "--expect-no-changes");
        assertEquals(cloudIds(), pulumi.snapshotIds(), "the state and the cloud hold the same snapshots");
        pulumi.ok("destroy", "--yes", "--skip-preview");
        assertEquals(0, emulator.totalSnapshots(), emulator.state().toString());
    }

    @Test
    void tofuApplyConvergesUnderFaults(@TempDir Path dir) throws Exception {
        TofuCli tofu = new TofuCli(dir);
        tofu.writeConfig(hcl());
        injectFaults();
        int applies = upUntilConverged(() -> tofu.run("apply", "-auto-approve"));
        report("tofu", applies);
        emulator.clearFaults();

        assertEquals(0, tofu.run("plan", "-detailed-exitcode").exitCode(), "clean plan after the soak");
        assertEquals(cloudIds(), tofu.stateIds(), "the state and the cloud hold the same snapshots");
        tofu.ok("destroy", "-auto-approve");
        assertEquals(0, emulator.totalSnapshots(), emulator.state().toString());
    }

    /**
     * The first run is expected to succeed; a create whose POST fails four times in a row (about
     * 0.1% of creates at these rates) fails it with a clear error, and then, as a user would, one
     * more run must finish the job. Either way nothing may be duplicated or orphaned.
     */
    private int upUntilConverged(java.util.function.Supplier<ProcessResult> run) {
        ProcessResult first = run.get();
        if (first.exitCode() == 0) {
            return 1;
        }
        System.out.println("SOAK first run failed, running again: " + tail(first.combined()));
        ProcessResult second = run.get();
        assertEquals(0, second.exitCode(), "a second run must converge: " + second);
        return 2;
    }

    private void injectFaults() {
        // Rules are tried in order and the first that fires decides: the rates below are of all calls.
        faultKinds.put(add("{\"method\":\"*\",\"path\":\"/**\",\"action\":\"status\",\"status\":503,\"probability\":0.10}"), "503");
        faultKinds.put(add("{\"method\":\"*\",\"path\":\"/**\",\"action\":\"status\",\"status\":429,"
                + "\"retryAfterSeconds\":1,\"probability\":0.0556}"), "429");
        faultKinds.put(add("{\"method\":\"*\",\"path\":\"/**\",\"action\":\"drop\",\"probability\":0.0235}"), "drop");
        faultKinds.put(add("{\"method\":\"*\",\"path\":\"/**\",\"action\":\"latency\",\"latencyMs\":0,\"jitterMs\":300}"), "jitter");
    }

    private int add(String rule) {
        emulator.addFault(rule);
        JsonNode rules = emulator.faults();
        return rules.get(rules.size() - 1).path("id").asInt();
    }

    private void report(String tool, int runs) {
        JsonNode requests = emulator.requests();
        Map<String, Integer> byKind = new TreeMap<>();
        int api = 0;
        for (JsonNode r : requests) {
            if (r.path("path").asText().startsWith("/_emulator")) {
                continue;
            }
            api++;
            if (!r.path("fault").isNull()) {
                byKind.merge(faultKinds.getOrDefault(r.path("fault").asInt(), "?"), 1, Integer::sum);
            }
        }
        long posts = countMatching(requests, "POST", "/v1/cloud/servers/[^/]+/snapshots|/api/v1/snapshots/");
        System.out.printf("SOAK %s: %d snapshots, %d run(s), %d API requests, %d snapshot POSTs, faults %s%n",
                tool, emulator.totalSnapshots(), runs, api, posts, byKind);
        assertTrue(byKind.getOrDefault("503", 0) > 0 && byKind.getOrDefault("429", 0) > 0,
                "the soak must have met faults: " + byKind);
    }

    private static long countMatching(JsonNode requests, String method, String regex) {
        long n = 0;
        for (JsonNode r : requests) {
            if (r.path("method").asText().equals(method) && r.path("path").asText().matches(regex)) {
                n++;
            }
        }
        return n;
    }

    /** Snapshot ids in the emulator, as the IaC tools write them (Locaweb SERVER/ID, VPS.org ID). */
    private Set<String> cloudIds() {
        Set<String> ids = new TreeSet<>();
        for (String server : LOCAWEB_SERVERS) {
            emulator.locawebSnapshots(server).forEach(s -> ids.add(server + "/" + s.path("id").asText()));
        }
        for (int server : VPSORG_SERVERS) {
            emulator.vpsorgSnapshots(server).forEach(s -> ids.add(s.path("id").asText()));
        }
        assertEquals(LOCAWEB_SERVERS.size() * PER_SERVER + VPSORG_SERVERS.size() * PER_SERVER, ids.size(),
                "exactly one snapshot per resource: " + ids);
        return ids;
    }

    private static String pulumiProgram() {
        StringBuilder yaml = new StringBuilder("name: vpssnap-soak\nruntime: yaml\nresources:\n");
        for (String server : LOCAWEB_SERVERS) {
            for (int i = 0; i < PER_SERVER; i++) {
                yaml.append("  lw-").append(server).append('-').append(i).append(":\n    type: vpssnap:locaweb:Snapshot\n")
                        .append("    properties:\n      server: ").append(server).append("\n      name: soak-").append(i).append('\n');
            }
        }
        for (int server : VPSORG_SERVERS) {
            for (int i = 0; i < PER_SERVER; i++) {
                yaml.append("  vps-").append(server).append('-').append(i).append(":\n    type: vpssnap:vpsorg:Snapshot\n")
                        .append("    properties:\n      serverId: ").append(server).append("\n      name: soak-").append(i).append('\n');
            }
        }
        return yaml.toString();
    }

    private String hcl() {
        List<String> lines = new ArrayList<>();
        lines.add("terraform {\n  required_providers {\n    vpssnap = { source = \"" + TofuCli.SOURCE + "\" }\n  }\n}");
        lines.add("provider \"vpssnap\" {\n  locaweb_endpoint = \"" + emulator.locawebEndpoint() + "\"\n  locaweb_token = \""
                + EmulatorFixture.LOCAWEB_TOKEN + "\"\n  vpsorg_endpoint = \"" + emulator.vpsorgEndpoint()
                + "\"\n  vpsorg_token = \"" + EmulatorFixture.VPSORG_TOKEN + "\"\n}");
        lines.add("locals {\n  n = " + PER_SERVER + "\n}");
        lines.add("resource \"vpssnap_locaweb_snapshot\" \"s\" {\n  for_each = { for p in setproduct(" + hclList(LOCAWEB_SERVERS)
                + ", range(local.n)) : \"${p[0]}-${p[1]}\" => p }\n  server = each.value[0]\n  name = \"soak-${each.value[1]}\"\n}");
        lines.add("resource \"vpssnap_vpsorg_snapshot\" \"s\" {\n  for_each = { for p in setproduct(" + VPSORG_SERVERS
                + ", range(local.n)) : \"${p[0]}-${p[1]}\" => p }\n  server_id = each.value[0]\n  name = \"soak-${each.value[1]}\"\n}");
        return String.join("\n", lines) + "\n";
    }

    private static String hclList(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
    }
}

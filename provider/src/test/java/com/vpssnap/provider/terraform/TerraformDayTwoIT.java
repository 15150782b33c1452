package com.vpssnap.provider.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.testsupport.CloudCase;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TestEnvironment;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Terraform's day-two features through the real terraform 1.16, the installed plugin and the
 * emulator: actions (take a snapshot with retention, revert or restore now), list resources with
 * {@code terraform query}, and resource identity. Identity import with tofu 1.12 too, which has
 * identity but neither actions nor list resources.
 */
class TerraformDayTwoIT extends EmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(CloudCase.class)
    void anActionTriggeredBeforeEachUpdateTakesOneSnapshotAndKeepsTheTwoNewestItMade(CloudCase cloud, @TempDir Path dir)
            throws Exception {
        cloud.createByHandOnFirstServer(emulator, "by-hand");
        // Another action's snapshot (a final one, before a destroy): keep counts only its own name.
        long finalId = cloud.createByHandOnFirstServer(emulator, "final-1");
        emulator.patch(cloud.snapshotControlPath(finalId),
                "{\"description\": \"[vpssnap action] Final snapshot before destroy\"}");
        TofuCli terraform = TofuCli.terraformLatest(dir);
        terraform.writeConfig(cloud.hclProvider(emulator) + "variable \"release\" {}\n"
                + "action \"vpssnap_" + cloud.module + "_take_snapshot\" \"pre_deploy\" {\n  config {\n    " + cloud.hclServer
                + "\n    name = \"pre-deploy\"\n    keep = 2\n  }\n}\n"
                + "resource \"terraform_data\" \"deploy\" {\n  input = var.release\n  lifecycle {\n    action_trigger {\n"
                + "      events  = [before_update]\n      actions = [action.vpssnap_" + cloud.module + "_take_snapshot.pre_deploy]\n"
                + "    }\n  }\n}\n");
        emulator.clearRequests();
        terraform.ok("apply", "-auto-approve", "-var", "release=1");
        terraform.ok("apply", "-auto-approve", "-var", "release=1");
        assertEquals(0, emulator.countRequests("POST", cloud.createPathRegex()), "no change, no snapshot (the create is no update)");

        List<Long> made = new ArrayList<>();
        for (int release = 2; release <= 5; release++) {
            ProcessResult applied = terraform.ok("apply", "-auto-approve", "-var", "release=" + release);
            assertTrue(applied.stdout().contains("Actions: 1 invoked"), applied.stdout());
            assertEquals(release - 1, emulator.countRequests("POST", cloud.createPathRegex()), "one snapshot per changing apply");
            made.add(newest(cloud));
        }
        List<String> left = cloud.snapshots(emulator).stream().map(s -> attribute(s, "name") + "#" + s.path("id").asLong()).sorted().toList();
        assertEquals(List.of("by-hand#" + byHandId(cloud), "final-1#" + finalId, "pre-deploy#" + made.get(2), "pre-deploy#" + made.get(3))
                .stream().sorted().toList(), left, "the two newest the action made, the one it did not make, and another action's");
        assertTrue(cloud.snapshots(emulator).stream().filter(s -> !attribute(s, "name").equals("by-hand"))
                .allMatch(s -> attribute(s, "description").startsWith("[vpssnap action]")), "every one it made carries its marker");
    }

    @ParameterizedTest
    @EnumSource(CloudCase.class)
    void invokingARevertSendsOneFollowsALostAnswerAndLeavesStateAlone(CloudCase cloud, @TempDir Path dir) throws Exception {
        TofuCli terraform = TofuCli.terraformLatest(dir);
        String snapshot = cloud.hclResource("kept", cloud.hclServer, "kept", "");
        terraform.writeConfig(cloud.hclProvider(emulator) + snapshot);
        terraform.ok("apply", "-auto-approve");
        long id = cloud.snapshots(emulator).get(0).path("id").asLong();
        String action = "vpssnap_" + cloud.module + "_" + cloud.revertVerb();
        terraform.writeConfig(cloud.hclProvider(emulator) + snapshot + "action \"" + action + "\" \"now\" {\n  config {\n    "
                + cloud.hclServer + "\n    snapshot_id = " + id + "\n  }\n}\n");
        byte[] state = Files.readAllBytes(dir.resolve("terraform.tfstate"));

        emulator.clearRequests();
        ProcessResult invoked = terraform.ok("apply", "-auto-approve", "-invoke=action." + action + ".now");
        assertTrue(invoked.stdout().contains("Actions: 1 invoked"), invoked.stdout());
        assertEquals(1, emulator.countRequests("POST", cloud.revertPathRegex), "one revert");

        emulator.clearRequests();
        emulator.addFault("{\"method\":\"POST\",\"path\":\"" + cloud.revertFaultPath() + "\",\"action\":\"lost-response\",\"count\":1}");
        terraform.ok("apply", "-auto-approve", "-invoke=action." + action + ".now");
        assertEquals(1, emulator.countRequests("POST", cloud.revertPathRegex), "a lost answer is followed, not sent again");

        assertEquals(new String(state), Files.readString(dir.resolve("terraform.tfstate")), "an action leaves state alone");
        assertEquals(0, terraform.run("plan", "-detailed-exitcode").exitCode());
    }

    @Test
    void invokeWithTargetRevertsOnceForTheNamedCallerAndLeavesStateAlone(@TempDir Path dir) throws Exception {
        CloudCase cloud = CloudCase.LOCAWEB;
        long id = emulator.createLocawebSnapshot("cpro0299", "kept");
        TofuCli terraform = TofuCli.terraformLatest(dir);
        // Two callers of one action (Terraform 1.16: -target names which one an -invoke stands for).
        terraform.writeConfig(cloud.hclProvider(emulator) + "action \"vpssnap_locaweb_revert\" \"now\" {\n  config {\n"
                + "    server = \"cpro0299\"\n    snapshot_id = " + id + "\n  }\n}\n"
                + "resource \"terraform_data\" \"app\" {\n  count = 2\n  input = \"v1\"\n  lifecycle {\n    action_trigger {\n"
                + "      events  = [after_update]\n      actions = [action.vpssnap_locaweb_revert.now]\n    }\n  }\n}\n");
        terraform.ok("apply", "-auto-approve");
        byte[] state = Files.readAllBytes(dir.resolve("terraform.tfstate"));

        emulator.clearRequests();
        ProcessResult invoked = terraform.ok("apply", "-auto-approve", "-invoke=action.vpssnap_locaweb_revert.now",
                "-target=terraform_data.app[1]");
        assertTrue(invoked.stdout().contains("Actions: 1 invoked"), invoked.stdout());
        assertEquals(1, emulator.countRequests("POST", cloud.revertPathRegex), "exactly one revert: " + emulator.requests());
        assertEquals(new String(state), Files.readString(dir.resolve("terraform.tfstate")), "an invoke leaves state alone");
        assertEquals(0, terraform.run("plan", "-detailed-exitcode").exitCode());
    }

    @Test
    void queryListsThirtySnapshotsOverTwoPagesAndItsGeneratedConfigImportsThemClean(@TempDir Path dir) throws Exception {
        CloudCase cloud = CloudCase.LOCAWEB;
        for (int n = 0; n < 30; n++) {
            emulator.createLocawebSnapshot("cpro0299", "panel-" + n);
        }
        emulator.locawebPageSize(20);
        TofuCli terraform = TofuCli.terraformLatest(dir);
        terraform.writeConfig(cloud.hclProvider(emulator));
        terraform.writeFile("adopt.tfquery.hcl", "list \"vpssnap_locaweb_snapshot\" \"panel\" {\n  provider = vpssnap\n"
                + "  config {\n    server = \"cpro0299\"\n    name_prefix = \"panel-\"\n  }\n}\n");
        terraform.ok("init");

        emulator.clearRequests();
        ProcessResult listed = terraform.ok("query");
        long lines = listed.stdout().lines().filter(l -> l.startsWith("list.vpssnap_locaweb_snapshot.panel")).count();
        assertEquals(30, lines, listed.stdout());
        assertEquals(2, emulator.countRequests("GET", "/v1/cloud/servers/cpro0299/snapshots"), "both pages were read");

        terraform.ok("query", "-generate-config-out=adopted.tf");
        ProcessResult applied = terraform.ok("apply", "-auto-approve");
        assertTrue(applied.stdout().contains("30 imported, 0 added, 0 changed, 0 destroyed"), applied.stdout());
        assertEquals(0, terraform.run("plan", "-detailed-exitcode").exitCode(), "the generated config plans clean");
        assertEquals(30, cloud.snapshots(emulator).size(), "nothing made or deleted");
    }

    @ParameterizedTest
    @EnumSource(CloudCase.class)
    void importByIdentityWithTerraformAndTofu(CloudCase cloud, @TempDir Path dir) throws Exception {
        for (String engine : List.of("terraform", "tofu")) {
            emulator.reset();
            long id = cloud.createByHandOnFirstServer(emulator, "adopted");
            TofuCli cli = engine.equals("tofu") ? new TofuCli(dir.resolve(engine)) : TofuCli.terraformLatest(dir.resolve(engine));
            cli.writeConfig(cloud.hclProvider(emulator) + "import {\n  to = " + cloud.terraformType() + ".adopted\n  identity = {\n    "
                    + cloud.hclServer + "\n    id = " + id + "\n  }\n}\n" + cloud.hclResource("adopted", cloud.hclServer, "adopted", ""));
            ProcessResult applied = cli.ok("apply", "-auto-approve");
            assertTrue(applied.stdout().contains("1 imported"), engine + ": " + applied.stdout());
            assertEquals(0, cli.run("plan", "-detailed-exitcode").exitCode(), engine + ": clean plan after import");
            JsonNode resource = JSON.readTree(cli.ok("show", "-json").stdout()).path("values").path("root_module").path("resources").get(0);
            assertEquals(id, resource.path("identity").path("id").asLong(), engine + ": identity in state: " + resource);
            assertEquals(cloud.hclServer.split("=")[1].strip().replace("\"", ""), resource.path("identity")
                    .path(cloud.hclServer.split("=")[0].strip()).asText(), engine + ": " + resource);
        }
    }

    @Test
    void badInputNamesTheFieldAndTheLimit(@TempDir Path dir) throws Exception {
        TofuCli terraform = TofuCli.terraformLatest(dir);
        String head = CloudCase.VPSORG.hclProvider(emulator);
        assertRefused(terraform, head + "action \"vpssnap_vpsorg_take_snapshot\" \"a\" {\n  config {\n    name = \"x\"\n  }\n}\n",
                "server_id");
        assertRefused(terraform, head + "action \"vpssnap_vpsorg_take_snapshot\" \"a\" {\n  config {\n    server_id = 12345\n"
                + "    name = \"x\"\n    keep = 0\n  }\n}\n", "keep: 0 is not allowed: it must be 1 to 4");
        assertRefused(terraform, head + "action \"vpssnap_vpsorg_take_snapshot\" \"a\" {\n  config {\n    server_id = 12345\n"
                + "    name = \"x\"\n    keep = 5\n  }\n}\n", "keep: 5 is not allowed: it must be 1 to 4, since a server holds at most 5");
        assertRefused(terraform, CloudCase.LOCAWEB.hclProvider(emulator) + "action \"vpssnap_locaweb_take_snapshot\" \"a\" {\n"
                + "  config {\n    server = \"cpro0299\"\n    name = \"x\"\n    keep = 0\n  }\n}\n", "keep: 0 is not allowed: it must be 1 or more");

        long other = emulator.createVpsorgSnapshot(12346, "elsewhere");
        terraform.writeConfig(head + "action \"vpssnap_vpsorg_restore\" \"now\" {\n  config {\n    server_id = 12345\n"
                + "    snapshot_id = " + other + "\n  }\n}\n");
        emulator.clearRequests();
        ProcessResult refused = terraform.run("apply", "-auto-approve", "-invoke=action.vpssnap_vpsorg_restore.now");
        assertNotEquals(0, refused.exitCode(), refused.toString());
        assertTrue(refused.combined().replaceAll("\\s+", " ").contains("server_id: snapshot " + other + " belongs to server 12346, not to 12345"),
                refused.toString());
        assertEquals(0, emulator.countRequests("POST", CloudCase.VPSORG.revertPathRegex), "nothing restored");
    }

    @Test
    void theDayTwoExampleSnapshotsEachDeployListsAndReverts(@TempDir Path dir) throws Exception {
        Path example = TestEnvironment.repositoryRoot().resolve("examples/terraform-day-two");
        TofuCli terraform = TofuCli.terraformLatest(dir);
        terraform.writeConfig(Files.readString(example.resolve("main.tf")).replace("http://127.0.0.1:8080", emulator.url()));
        terraform.writeFile("adopt.tfquery.hcl", Files.readString(example.resolve("adopt.tfquery.hcl")));
        terraform.ok("init");
        terraform.ok("apply", "-auto-approve");
        assertEquals(0, emulator.totalSnapshots(), "creating the deploy is no deploy");
        for (String release : List.of("43", "44", "45")) {
            terraform.ok("apply", "-auto-approve", "-var", "release=" + release);
        }
        assertEquals(2, CloudCase.LOCAWEB.snapshots(emulator).size(), "the two newest of three");
        assertEquals(2, CloudCase.VPSORG.snapshots(emulator).size(), "the two newest of three");
        long listed = terraform.ok("query").stdout().lines().filter(l -> l.startsWith("list.")).count();
        assertEquals(4, listed, "both servers' snapshots");

        TofuCli revert = TofuCli.terraformLatest(dir.resolve("revert"));
        revert.writeConfig(Files.readString(example.resolve("revert/main.tf")).replace("http://127.0.0.1:8080", emulator.url()));
        emulator.clearRequests();
        revert.ok("apply", "-auto-approve", "-invoke=action.vpssnap_locaweb_revert.now",
                "-var", "locaweb_snapshot_id=" + newest(CloudCase.LOCAWEB), "-var", "vpsorg_snapshot_id=" + newest(CloudCase.VPSORG));
        assertEquals(1, emulator.countRequests("POST", CloudCase.LOCAWEB.revertPathRegex), "one revert");
        assertEquals(0, emulator.countRequests("POST", CloudCase.VPSORG.revertPathRegex), "the other action is not invoked");
    }

    private static void assertRefused(TofuCli terraform, String config, String message) throws Exception {
        terraform.writeConfig(config);
        ProcessResult validated = terraform.run("validate");
        assertNotEquals(0, validated.exitCode(), validated.toString());
        assertTrue(validated.combined().replaceAll("\\s+", " ").contains(message), "expected \"" + message + "\" in " + validated);
    }

    private static long newest(CloudCase cloud) {
        return cloud.snapshots(emulator).stream().mapToLong(s -> s.path("id").asLong()).max().orElseThrow();
    }

    private static long byHandId(CloudCase cloud) {
        return cloud.snapshots(emulator).stream().filter(s -> attribute(s, "name").equals("by-hand"))
                .mapToLong(s -> s.path("id").asLong()).findFirst().orElseThrow();
    }

    /** A snapshot's attribute as the emulator's state shows it (Locaweb nests them under "attributes"). */
    private static String attribute(JsonNode snapshot, String name) {
        JsonNode attributes = snapshot.has("attributes") ? snapshot.path("attributes") : snapshot;
        return attributes.path(name).asText("");
    }
}

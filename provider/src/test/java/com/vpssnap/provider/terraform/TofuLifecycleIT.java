package com.vpssnap.provider.terraform;

import com.vpssnap.provider.testsupport.CloudCase;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.ProcessResult;
import com.vpssnap.provider.testsupport.TofuCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HCL configurations through the real tofu, the installed plugin and the emulator: apply, a
 * clean plan, an in-place revert, drift, import, a planned replacement, destroy, bad input. The
 * lifecycle runs on every engine of {@link TofuCli#ENGINES} (tofu 1.12, terraform 1.11 without
 * protocol 6.9 to 6.11, the newest terraform with them).
 */
class TofuLifecycleIT extends EmulatorTest {
    /** tofu on both clouds; each Terraform on one, so that every engine meets both clouds' code paths between them at half the time. */
    static Stream<Arguments> enginesAndClouds() {
        return Stream.of(Arguments.of("tofu", CloudCase.LOCAWEB), Arguments.of("tofu", CloudCase.VPSORG),
                Arguments.of("terraform", CloudCase.VPSORG), Arguments.of("terraform-latest", CloudCase.LOCAWEB));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("enginesAndClouds")
    void lifecycle(String engine, CloudCase cloud, @TempDir Path dir) throws Exception {
        TofuCli tofu = TofuCli.engine(engine, dir);
        String head = cloud.hclProvider(emulator);
        String describe = "  description = \"from tofu\"\n";
        String trigger = describe + "  revert_trigger = \"r1\"\n";
        String listing = cloud.hclListing("snap");

        tofu.writeConfig(head + cloud.hclResource("snap", cloud.hclServer, "tf-snap", describe) + listing);
        ProcessResult applied = tofu.ok("apply", "-auto-approve");
        assertFalse(applied.combined().contains(cloud.token()), "token in tofu's output");
        assertFalse(Files.readString(dir.resolve("terraform.tfstate")).contains(cloud.token()), "token in the state");
        assertEquals(1, cloud.snapshots(emulator).size());
        assertEquals("1", tofu.ok("output", "-raw", "listed").stdout().trim(), "the data source lists it");
        assertEquals(0, tofu.run("plan", "-detailed-exitcode").exitCode(), "clean plan right after apply");

        emulator.clearRequests();
        tofu.writeConfig(head + cloud.hclResource("snap", cloud.hclServer, "tf-snap", trigger) + listing);
        assertTrue(tofu.ok("plan").stdout().contains("1 to change, 0 to destroy"), "in place");
        tofu.ok("apply", "-auto-approve");
        assertEquals(1, emulator.countRequests("POST", cloud.revertPathRegex), "one revert");
        assertEquals(0, tofu.run("plan", "-detailed-exitcode").exitCode());

        long id = cloud.snapshots(emulator).get(0).path("id").asLong();
        cloud.deleteBehindProvider(emulator, id);
        assertTrue(tofu.ok("plan", "-refresh-only").stdout().contains("has been deleted"));
        assertTrue(tofu.ok("plan").stdout().contains("1 to add"), "re-created by the next plan");
        tofu.ok("apply", "-auto-approve");

        String byHand = cloud.createByHandOnOtherServer(emulator, "by-hand");
        String adopted = cloud.hclResource("adopted", cloud.hclOtherServer, "by-hand", "");
        tofu.writeConfig(head + cloud.hclResource("snap", cloud.hclServer, "tf-snap", trigger) + adopted + listing);
        tofu.ok("import", cloud.terraformType() + ".adopted", byHand);
        assertEquals(0, tofu.run("plan", "-detailed-exitcode").exitCode(), "clean plan after import");

        tofu.writeConfig(head + cloud.hclResource("snap", cloud.hclServer, "tf-snap-renamed", trigger) + adopted + listing);
        assertTrue(tofu.ok("plan").stdout().contains("forces replacement"), "a new name replaces");

        tofu.ok("destroy", "-auto-approve");
        assertEquals(0, emulator.totalSnapshots(), emulator.state().toString());
    }

    @Test
    void invalidNameAndMissingTokenNameTheAttribute(@TempDir Path dir) throws Exception {
        TofuCli tofu = new TofuCli(dir);
        tofu.writeConfig(CloudCase.VPSORG.hclProvider(emulator)
                + "resource \"vpssnap_vpsorg_snapshot\" \"bad\" {\n  server_id = 12345\n  name = \"not ok!\"\n}\n");
        ProcessResult invalid = tofu.run("validate");
        assertNotEquals(0, invalid.exitCode(), invalid.toString());
        assertTrue(invalid.combined().contains("name: \"not ok!\" is not allowed"), invalid.toString());
        assertTrue(invalid.combined().contains("bad"), "points at the resource: " + invalid);

        tofu.writeConfig("terraform {\n  required_providers {\n    vpssnap = { source = \"" + TofuCli.SOURCE + "\" }\n  }\n}\n"
                + "provider \"vpssnap\" {\n  locaweb_endpoint = \"" + emulator.locawebEndpoint() + "\"\n}\n"
                + "resource \"vpssnap_locaweb_snapshot\" \"no_token\" {\n  server = \"cpro0299\"\n  name = \"x\"\n}\n");
        ProcessResult missing = tofu.run("apply", "-auto-approve");
        assertNotEquals(0, missing.exitCode(), missing.toString());
        assertTrue(missing.combined().contains("locaweb_token") && missing.combined().contains("VPSSNAP_LOCAWEB_TOKEN"),
                missing.toString());
        assertEquals(0, emulator.totalSnapshots());
    }

    @Test
    void aSnapshotThatFailsAfterCreationIsTaintedNotLost(@TempDir Path dir) throws Exception {
        try (EmulatorFixture slow = EmulatorFixture.start(com.vpssnap.emulator.EmulatorOptions.defaults().port(0)
                .createMs(600_000).deleteMs(100))) {
            TofuCli tofu = new TofuCli(dir);
            tofu.writeConfig(CloudCase.LOCAWEB.hclProvider(slow)
                    + "resource \"vpssnap_locaweb_snapshot\" \"doomed\" {\n  server = \"cpro0299\"\n  name = \"doomed\"\n}\n");
            java.util.concurrent.CompletableFuture<ProcessResult> apply =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> tofu.run("apply", "-auto-approve"));
            while (slow.totalSnapshots() == 0) {
                Thread.sleep(100);
            }
            long id = slow.locawebSnapshots("cpro0299").get(0).path("id").asLong();
            slow.patch("/locaweb/servers/cpro0299/snapshots/" + id, "{\"status\":\"error\"}");
            ProcessResult failed = apply.get(3, java.util.concurrent.TimeUnit.MINUTES);
            assertNotEquals(0, failed.exitCode(), failed.toString());
            assertTrue(failed.combined().contains("status error"), failed.toString());
            ProcessResult state = tofu.ok("state", "show", "vpssnap_locaweb_snapshot.doomed");
            assertTrue(state.stdout().contains("tainted") && state.stdout().contains("cpro0299/" + id), state.toString());
            tofu.ok("destroy", "-auto-approve");
            assertEquals(0, slow.totalSnapshots(), "the tainted snapshot is deleted, not orphaned");
        }
    }

    @Test
    void theTerraformExampleAppliesRevertsAndDestroys(@TempDir Path dir) throws Exception {
        TofuCli tofu = new TofuCli(dir);
        String example = java.nio.file.Files.readString(
                com.vpssnap.provider.testsupport.TestEnvironment.repositoryRoot().resolve("examples/terraform/main.tf"));
        tofu.writeConfig(example.replace("http://127.0.0.1:8080", emulator.url()));
        tofu.ok("apply", "-auto-approve");
        assertEquals(2, emulator.totalSnapshots());
        assertTrue(tofu.ok("output", "snapshots_on_web_server").stdout().contains("before-nginx-upgrade"));
        emulator.clearRequests();
        tofu.ok("apply", "-auto-approve", "-var", "rollback_to=rollback-1");
        assertEquals(1, emulator.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots/\\d+/actions"));
        assertEquals(1, emulator.countRequests("POST", "/api/v1/snapshots/\\d+/restore/"));
        tofu.ok("destroy", "-auto-approve");
        assertEquals(0, emulator.totalSnapshots());
    }
}

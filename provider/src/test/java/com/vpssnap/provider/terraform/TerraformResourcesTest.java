package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.Unknown;
import com.vpssnap.provider.core.locaweb.LocawebSpecs;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ApplyResourceChange;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ConfigureProvider;
import com.vpssnap.provider.terraform.proto.Tfplugin6.DynamicValue;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ImportResourceState;
import com.vpssnap.provider.terraform.proto.Tfplugin6.PlanResourceChange;
import com.vpssnap.provider.terraform.proto.Tfplugin6.RawState;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ReadResource;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ResourceIdentityData;
import com.vpssnap.provider.terraform.proto.Tfplugin6.UpgradeResourceIdentity;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ValidateResourceConfig;
import com.vpssnap.provider.testsupport.Answers;
import com.vpssnap.provider.testsupport.EmulatorTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.vpssnap.provider.terraform.InProcess.resourceObject;
import static com.vpssnap.provider.terraform.InProcess.resourceValue;
import static com.vpssnap.provider.terraform.InProcess.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resource RPCs in-process: a request in, a response out, against the real emulator over HTTP,
 * with no plugin process and no engine (those are TofuLifecycleIT's). Locaweb's snapshot; the core's
 * decisions are the same for every cloud.
 */
class TerraformResourcesTest extends EmulatorTest {
    private static final String TYPE = "vpssnap_locaweb_snapshot";
    private static final ResourceSpec SPEC = LocawebSpecs.SNAPSHOT;
    private static final CtyType VALUE_TYPE = TerraformSchema.resourceType(SPEC);
    private static final String REVERTS = "/v1/cloud/servers/cpro0299/snapshots/\\d+/actions";

    private final TerraformResources resources = new TerraformResources(new ConfiguredProvider(InProcess.environment(emulator, Map.of())));

    @Test
    void aSnapshotIsPlannedCreatedReadRevertedInPlaceImportedAndDeleted() {
        DynamicValue config = resourceValue(SPEC, Map.of("server", "cpro0299", "name", "before-upgrade"));
        PlanResourceChange.Response create = resources.plan(plan(InProcess.nothing(VALUE_TYPE), config));
        assertEquals(List.of(), create.getDiagnosticsList());
        Map<String, Object> planned = resourceObject(SPEC, create.getPlannedState());
        assertSame(Unknown.VALUE, planned.get("id"), "a new snapshot's id is known after apply");
        assertEquals("cpro0299", planned.get("server"));

        ApplyResourceChange.Response created = resources.apply(apply(InProcess.nothing(VALUE_TYPE), create.getPlannedState(), config));
        assertEquals(List.of(), created.getDiagnosticsList());
        Map<String, Object> state = resourceObject(SPEC, created.getNewState());
        String id = (String) state.get("id");
        assertTrue(id.matches("cpro0299/\\d+"), id);
        assertEquals("done", state.get("status"));
        assertEquals(1, emulator.locawebSnapshots("cpro0299").size());
        assertEquals(Map.of("server", "cpro0299", "id", Long.parseLong(id.split("/")[1])), identity(created.getNewIdentity()));

        ReadResource.Response read = resources.read(ReadResource.Request.newBuilder().setTypeName(TYPE).setCurrentState(created.getNewState()).build());
        assertEquals(state, resourceObject(SPEC, read.getNewState()), "a refresh with no drift gives the same state");

        // A new revert trigger: planned in place, the same snapshot and identity; applied as one revert.
        DynamicValue reverting = resourceValue(SPEC, Map.of("id", id, "server", "cpro0299", "name", "before-upgrade",
                "revert_trigger", "rollback-1"));
        PlanResourceChange.Response revert = resources.plan(plan(created.getNewState(), reverting));
        assertEquals(List.of(), revert.getRequiresReplaceList(), "a revert is not a replacement");
        assertEquals(id, resourceObject(SPEC, revert.getPlannedState()).get("id"));
        assertEquals(identity(created.getNewIdentity()), identity(revert.getPlannedIdentity()));
        ApplyResourceChange.Response reverted = resources.apply(apply(created.getNewState(), revert.getPlannedState(), reverting));
        assertEquals(List.of(), reverted.getDiagnosticsList());
        assertEquals("rollback-1", resourceObject(SPEC, reverted.getNewState()).get("revert_trigger"));
        assertEquals(1, emulator.countRequests("POST", REVERTS), "one revert sent");

        // Another name replaces it.
        PlanResourceChange.Response rename = resources.plan(plan(reverted.getNewState(),
                resourceValue(SPEC, Map.of("id", id, "server", "cpro0299", "name", "after-upgrade", "revert_trigger", "rollback-1"))));
        assertEquals("name", rename.getRequiresReplace(0).getSteps(0).getAttributeName());
        assertSame(Unknown.VALUE, resourceObject(SPEC, rename.getPlannedState()).get("id"));

        // Imported by its id, and by its identity: the same state either way.
        ImportResourceState.Response byId = resources.importState(ImportResourceState.Request.newBuilder().setTypeName(TYPE).setId(id).build());
        ImportResourceState.Response byIdentity = resources.importState(ImportResourceState.Request.newBuilder().setTypeName(TYPE)
                .setIdentity(created.getNewIdentity()).build());
        assertEquals(id, resourceObject(SPEC, byId.getImportedResources(0).getState()).get("id"));
        assertEquals(resourceObject(SPEC, byId.getImportedResources(0).getState()),
                resourceObject(SPEC, byIdentity.getImportedResources(0).getState()));

        ApplyResourceChange.Response deleted = resources.apply(apply(reverted.getNewState(), InProcess.nothing(VALUE_TYPE),
                InProcess.nothing(VALUE_TYPE)));
        assertEquals(List.of(), deleted.getDiagnosticsList());
        assertNull(resourceObject(SPEC, deleted.getNewState()));
        assertEquals(0, emulator.locawebSnapshots("cpro0299").size(), "deleted on the cloud");
    }

    @Test
    void aSnapshotDeletedBehindTerraformsBackReadsAsGone() throws Exception {
        long snapshot = emulator.createLocawebSnapshot("cpro0299", "by-hand");
        ImportResourceState.Response imported = resources.importState(ImportResourceState.Request.newBuilder().setTypeName(TYPE)
                .setId("cpro0299/" + snapshot).build());
        emulator.deleteBehindProvider("/locaweb/servers/cpro0299/snapshots/" + snapshot);
        ReadResource.Response read = resources.read(ReadResource.Request.newBuilder().setTypeName(TYPE)
                .setCurrentState(imported.getImportedResources(0).getState()).build());
        assertEquals(List.of(), read.getDiagnosticsList());
        assertNull(resourceObject(SPEC, read.getNewState()), "drift: the engine plans to create it again");
        assertFalse(read.hasNewIdentity());
    }

    @Test
    void anImportOfNothingSaysWhatTheIdLooksLike() {
        ImportResourceState.Response missing = resources.importState(ImportResourceState.Request.newBuilder().setTypeName(TYPE)
                .setId("cpro0299/424242").build());
        assertEquals(0, missing.getImportedResourcesCount());
        assertEquals("Cannot import: no vpssnap_locaweb_snapshot with id \"cpro0299/424242\"; the id is SERVER/SNAPSHOT_ID, e.g. cpro0299/2695",
                text(missing.getDiagnosticsList()));
    }

    @Test
    void badInputIsRefusedWithTheAttributeItsValueAndWhatIsAllowedBeforeAnythingIsSent() {
        ValidateResourceConfig.Response refused = resources.validate(ValidateResourceConfig.Request.newBuilder().setTypeName(TYPE)
                .setConfig(resourceValue(SPEC, Map.of("server", "cpro0299", "name", "x".repeat(300),
                        "timeouts", Map.of("create", "soon")))).build());
        String diagnostics = text(refused.getDiagnosticsList());
        assertEquals("name", refused.getDiagnostics(0).getAttribute().getSteps(0).getAttributeName(), diagnostics);
        assertTrue(diagnostics.contains("is 300 characters long; the maximum is 255"), diagnostics);
        assertTrue(diagnostics.contains("\"soon\""), "the timeouts block's bad value is named: " + diagnostics);
        assertEquals(0, emulator.requests().size(), "validation calls nothing: " + emulator.requests());
    }

    @Test
    void aLostCreateAnswerIsFollowedNotSentTwice() {
        emulator.addFault("{\"method\":\"POST\",\"path\":\"/v1/cloud/servers/*/snapshots\",\"action\":\"lost-response\",\"count\":1}");
        DynamicValue config = resourceValue(SPEC, Map.of("server", "cpro0299", "name", "lost-answer"));
        PlanResourceChange.Response planned = resources.plan(plan(InProcess.nothing(VALUE_TYPE), config));
        ApplyResourceChange.Response created = resources.apply(apply(InProcess.nothing(VALUE_TYPE), planned.getPlannedState(), config));
        assertEquals(List.of(), created.getDiagnosticsList());
        assertEquals(1, emulator.locawebSnapshots("cpro0299").size(), "one snapshot, not two");
        assertEquals(String.valueOf(emulator.locawebSnapshots("cpro0299").get(0).path("id").asLong()),
                ((String) resourceObject(SPEC, created.getNewState()).get("id")).split("/")[1]);
    }

    @Test
    void aRefusedTokenIsACloudErrorThatNeverEchoesTheTokenAndLeavesNothingBehind() {
        TerraformProviderService service = new TerraformProviderService(InProcess.environment(emulator, Map.of()));
        Answers<ConfigureProvider.Response> configured = new Answers<>();
        service.configureProvider(ConfigureProvider.Request.newBuilder().setConfig(DynamicValues.dynamic(
                Map.of("locaweb_token", "tok-WRONG-456"), TerraformSchema.providerType())).build(), configured);
        assertEquals(List.of(), configured.only().getDiagnosticsList());

        DynamicValue config = resourceValue(SPEC, Map.of("server", "cpro0299", "name", "refused"));
        Answers<ApplyResourceChange.Response> applied = new Answers<>();
        service.applyResourceChange(apply(InProcess.nothing(VALUE_TYPE), config, config), applied);
        String diagnostics = text(applied.only().getDiagnosticsList());
        assertTrue(diagnostics.startsWith("Cloud API error: ") && diagnostics.contains("401"), diagnostics);
        assertFalse(diagnostics.contains("tok-WRONG-456"), diagnostics);
        assertEquals(0, emulator.locawebSnapshots("cpro0299").size());
    }

    @Test
    void anIdentityOfAnotherVersionIsRefusedByName() {
        Answers<UpgradeResourceIdentity.Response> answer = new Answers<>();
        new TerraformProviderService(InProcess.environment(emulator, Map.of())).upgradeResourceIdentity(
                UpgradeResourceIdentity.Request.newBuilder().setTypeName(TYPE).setVersion(1)
                        .setRawIdentity(RawState.newBuilder().setJson(com.google.protobuf.ByteString.copyFromUtf8("{}"))).build(), answer);
        assertEquals("vpssnap error: the stored identity of vpssnap_locaweb_snapshot has version 1; this provider knows version 0 only",
                text(answer.only().getDiagnosticsList()));
    }

    private static PlanResourceChange.Request plan(DynamicValue prior, DynamicValue proposed) {
        return InProcess.plan(TYPE, prior, proposed);
    }

    private static ApplyResourceChange.Request apply(DynamicValue prior, DynamicValue planned, DynamicValue config) {
        return InProcess.apply(TYPE, prior, planned, config);
    }

    private static Map<String, Object> identity(ResourceIdentityData data) {
        return DynamicValues.object(data.getIdentityData(), TerraformSchema.objectType(SPEC.identity()));
    }
}

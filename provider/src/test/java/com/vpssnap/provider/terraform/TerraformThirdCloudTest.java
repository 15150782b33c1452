package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.Clouds;
import com.vpssnap.provider.core.ProviderException;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ApplyResourceChange;
import com.vpssnap.provider.terraform.proto.Tfplugin6.DynamicValue;
import com.vpssnap.provider.terraform.proto.Tfplugin6.GetProviderSchema;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ImportResourceState;
import com.vpssnap.provider.terraform.proto.Tfplugin6.PlanResourceChange;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ReadDataSource;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ReadResource;
import com.vpssnap.provider.thirdcloud.AcmeEmulatorTest;
import com.vpssnap.provider.thirdcloud.AcmeFixture;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.vpssnap.provider.terraform.InProcess.resourceObject;
import static com.vpssnap.provider.terraform.InProcess.resourceValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acme through the Terraform adapter in-process: its schema, its resource's lifecycle and import, its data source, and the identity and list resource it opts out of. */
class TerraformThirdCloudTest extends AcmeEmulatorTest {
    private static final String TYPE = "vpssnap_acme_snapshot";
    private static ResourceSpec spec() {
        return Clouds.resourceSpecs().stream().filter(r -> r.terraformType().equals(TYPE)).findFirst().orElseThrow();
    }

    @Test
    void theSchemaOffersItsResourceDataSourceAndSensitiveToken() {
        GetProviderSchema.Response schema = TerraformCatalog.providerSchema();
        assertTrue(schema.containsResourceSchemas(TYPE), schema.getResourceSchemasMap().keySet().toString());
        assertTrue(schema.containsDataSourceSchemas("vpssnap_acme_snapshots"), schema.getDataSourceSchemasMap().keySet().toString());
        assertTrue(schema.getProvider().getBlock().getAttributesList().stream()
                .anyMatch(a -> a.getName().equals("acme_token") && a.getSensitive()), "acme_token is sensitive");
    }

    @Test
    void aCloudWithoutAnIdentityHasNoIdentitySchemaWhileTheOthersDo() {
        assertEquals(java.util.Set.of("vpssnap_locaweb_snapshot", "vpssnap_vpsorg_snapshot"),
                TerraformCatalog.identitySchemas().getIdentitySchemasMap().keySet());
        ConfiguredProvider provider = new ConfiguredProvider(AcmeFixture.environment(emulator));
        // The service turns this into the response's error diagnostic, as it does every ProviderException.
        ProviderException byIdentity = assertThrows(ProviderException.class, () -> new TerraformResources(provider)
                .importState(ImportResourceState.Request.newBuilder().setTypeName(TYPE).build()));
        assertEquals("cannot import by identity: " + TYPE + " has no resource identity; import it by its id, MACHINE/SNAPSHOT_ID, e.g. m1/1",
                byIdentity.getMessage());
    }

    @Test
    void aCloudWithoutAListQueryOffersNoListResourceWhileTheOthersDo() {
        assertEquals(java.util.Set.of("vpssnap_locaweb_snapshot", "vpssnap_vpsorg_snapshot"),
                TerraformCatalog.providerSchema().getListResourceSchemasMap().keySet());
        assertEquals(List.of("vpssnap_locaweb_snapshot", "vpssnap_vpsorg_snapshot"), TerraformCatalog.metadata().getListResourcesList()
                .stream().map(m -> m.getTypeName()).toList());
        ConfiguredProvider provider = new ConfiguredProvider(AcmeFixture.environment(emulator));
        TerraformListResources lists = new TerraformListResources(provider::resource, r -> provider.operation(null, "update", r.spec().timeouts().read()));
        com.vpssnap.provider.testsupport.Answers<com.vpssnap.provider.terraform.proto.Tfplugin6.ListResource.Event> answers =
                new com.vpssnap.provider.testsupport.Answers<>();
        lists.list(com.vpssnap.provider.terraform.proto.Tfplugin6.ListResource.Request.newBuilder().setTypeName(TYPE).build(), answers);
        List<com.vpssnap.provider.terraform.proto.Tfplugin6.ListResource.Event> events = answers.all();
        assertEquals(1, events.size(), events.toString());
        assertTrue(InProcess.text(events.get(0).getDiagnosticList()).contains(TYPE + " offers no list resource"), events.toString());
    }

    @Test
    void aSnapshotIsPlannedCreatedReadRevertedImportedListedAndDeleted() {
        ResourceSpec spec = spec();
        CtyType type = TerraformSchema.resourceType(spec);
        ConfiguredProvider provider = new ConfiguredProvider(AcmeFixture.environment(emulator));
        TerraformResources resources = new TerraformResources(provider);

        DynamicValue config = resourceValue(spec, Map.of("machine", "m1", "name", "before-upgrade"));
        PlanResourceChange.Response create = resources.plan(plan(InProcess.nothing(type), config));
        assertEquals(List.of(), create.getDiagnosticsList());
        ApplyResourceChange.Response created = resources.apply(apply(InProcess.nothing(type), create.getPlannedState(), config));
        assertEquals(List.of(), created.getDiagnosticsList());
        assertFalse(created.hasNewIdentity(), "a resource without an identity sends none");
        String id = (String) resourceObject(spec, created.getNewState()).get("id");
        assertTrue(id.matches("m1/\\d+"), id);

        ReadResource.Response read = resources.read(ReadResource.Request.newBuilder().setTypeName(TYPE).setCurrentState(created.getNewState()).build());
        assertEquals(resourceObject(spec, created.getNewState()), resourceObject(spec, read.getNewState()));

        DynamicValue reverting = resourceValue(spec, Map.of("id", id, "machine", "m1", "name", "before-upgrade", "revert_trigger", "r1"));
        PlanResourceChange.Response revert = resources.plan(plan(created.getNewState(), reverting));
        assertEquals(List.of(), revert.getRequiresReplaceList(), "a revert is not a replacement");
        ApplyResourceChange.Response reverted = resources.apply(apply(created.getNewState(), revert.getPlannedState(), reverting));
        assertEquals(List.of(), reverted.getDiagnosticsList());
        assertEquals(AcmeFixture.snapshotIds(emulator, "m1"), AcmeFixture.rollbacks(emulator, "m1"), "one rollback, to it");

        ImportResourceState.Response imported = resources.importState(ImportResourceState.Request.newBuilder().setTypeName(TYPE)
                .setId(id).build());
        assertEquals(id, resourceObject(spec, imported.getImportedResources(0).getState()).get("id"));
        assertFalse(imported.getImportedResources(0).hasIdentity());

        CtyType listType = TerraformSchema.dataSourceType(Clouds.functionSpecs().stream()
                .filter(f -> f.terraformType().equals("vpssnap_acme_snapshots")).findFirst().orElseThrow());
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("id", null);
        query.put("machine", "m1");
        query.put("snapshots", null);
        ReadDataSource.Response listed = new TerraformDataSources(provider).read(ReadDataSource.Request.newBuilder()
                .setTypeName("vpssnap_acme_snapshots").setConfig(DynamicValues.dynamic(query, listType)).build());
        assertEquals(List.of(), listed.getDiagnosticsList());
        assertEquals(1, ((List<?>) DynamicValues.object(listed.getState(), listType).get("snapshots")).size());

        ApplyResourceChange.Response deleted = resources.apply(apply(reverted.getNewState(), InProcess.nothing(type), InProcess.nothing(type)));
        assertEquals(List.of(), deleted.getDiagnosticsList());
        assertNull(resourceObject(spec, deleted.getNewState()));
        assertEquals(List.of(), AcmeFixture.snapshotIds(emulator, "m1"));
    }

    private static PlanResourceChange.Request plan(DynamicValue prior, DynamicValue proposed) {
        return InProcess.plan(TYPE, prior, proposed);
    }

    private static ApplyResourceChange.Request apply(DynamicValue prior, DynamicValue planned, DynamicValue config) {
        return InProcess.apply(TYPE, prior, planned, config);
    }
}

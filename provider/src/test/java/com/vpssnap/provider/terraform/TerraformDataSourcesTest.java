package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.locaweb.LocawebSpecs;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ReadDataSource;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ValidateDataResourceConfig;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ValidateProviderConfig;
import com.vpssnap.provider.testsupport.EmulatorTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.vpssnap.provider.terraform.InProcess.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data sources and the provider block in-process: a request in, a response out, against the emulator. */
class TerraformDataSourcesTest extends EmulatorTest {
    private static final String TYPE = "vpssnap_locaweb_snapshots";
    private static final CtyType VALUE_TYPE = TerraformSchema.dataSourceType(LocawebSpecs.GET_SNAPSHOTS);

    private final ConfiguredProvider provider = new ConfiguredProvider(InProcess.environment(emulator, Map.of()));
    private final TerraformDataSources dataSources = new TerraformDataSources(provider);

    @Test
    void aServersSnapshotsAreListedOldestFirstWhoeverMadeThem() throws Exception {
        long first = emulator.createLocawebSnapshot("cpro0299", "first");
        long second = emulator.createLocawebSnapshot("cpro0299", "second");
        emulator.createLocawebSnapshot("cpro0300", "another-server");
        ReadDataSource.Response read = dataSources.read(ReadDataSource.Request.newBuilder().setTypeName(TYPE)
                .setConfig(DynamicValues.dynamic(config("cpro0299"), VALUE_TYPE)).build());
        assertEquals(List.of(), read.getDiagnosticsList());
        Map<String, Object> state = DynamicValues.object(read.getState(), VALUE_TYPE);
        assertEquals("cpro0299", state.get("id"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> snapshots = (List<Map<String, Object>>) state.get("snapshots");
        assertEquals(List.of("first", "second"), snapshots.stream().map(s -> s.get("name")).toList());
        assertEquals(List.of(first, second), snapshots.stream().map(s -> ((Number) s.get("snapshot_id")).longValue()).toList());
    }

    @Test
    void aBadServerNameIsRefusedByNameAndNothingIsCalled() {
        ValidateDataResourceConfig.Response refused = dataSources.validate(ValidateDataResourceConfig.Request.newBuilder()
                .setTypeName(TYPE).setConfig(DynamicValues.dynamic(config("not a server!"), VALUE_TYPE)).build());
        assertEquals("server", refused.getDiagnostics(0).getAttribute().getSteps(0).getAttributeName());
        assertTrue(text(refused.getDiagnosticsList()).contains("not a server!"), text(refused.getDiagnosticsList()));
        ReadDataSource.Response read = dataSources.read(ReadDataSource.Request.newBuilder().setTypeName(TYPE)
                .setConfig(DynamicValues.dynamic(config("not a server!"), VALUE_TYPE)).build());
        assertEquals(refused.getDiagnosticsList(), read.getDiagnosticsList(), "a read checks as validation does");
        assertEquals(0, emulator.requests().size(), "nothing called: " + emulator.requests());
    }

    @Test
    void anEndpointThatIsNotAUrlIsRefusedByTheProviderBlocksAttributeName() {
        ValidateProviderConfig.Response refused = new TerraformProviderSetup(provider).validate(ValidateProviderConfig.Request
                .newBuilder().setConfig(DynamicValues.dynamic(Map.of("vpsorg_endpoint", "ftp://127.0.0.1/api"),
                        TerraformSchema.providerType())).build());
        assertEquals(1, refused.getDiagnosticsCount(), text(refused.getDiagnosticsList()));
        assertEquals("vpsorg_endpoint", refused.getDiagnostics(0).getAttribute().getSteps(0).getAttributeName());
        assertTrue(text(refused.getDiagnosticsList()).contains("\"ftp://127.0.0.1/api\""), text(refused.getDiagnosticsList()));
    }

    private static Map<String, Object> config(String server) {
        java.util.LinkedHashMap<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("id", null);
        config.put("server", server);
        config.put("snapshots", null);
        return config;
    }
}

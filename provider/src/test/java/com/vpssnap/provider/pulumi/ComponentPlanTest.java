package com.vpssnap.provider.pulumi;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.vpssnap.component.Checkpoint;
import com.vpssnap.component.RollbackPoints;
import com.vpssnap.component.RollbackPointsInputs;
import com.vpssnap.provider.core.ComponentServer;
import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.core.vpsorg.VpsorgSpecs;
import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.ResourceSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * component/ names its children's types and inputs as strings; these must be the core's, and
 * what the plugin answers for a secret must stay a secret.
 */
class ComponentPlanTest {
    @Test
    void everyChildIsAResourceOfThisProviderWithItsOwnInputNames() {
        assertEquals(List.of("locawebServer", "vpsorgServerId"), ComponentServers.all().stream().map(ComponentServer::input).toList());
        for (ComponentServer server : ComponentServers.all()) {
            Map<String, Object> inputs = new java.util.HashMap<>();
            inputs.put(server.input(), server.numeric() ? ((Number) server.example()).longValue() : server.example());
            inputs.put("checkpoints", List.of("a", "b"));
            List<Checkpoint> children = RollbackPoints.plan("x", RollbackPointsInputs.of(inputs, ComponentServers.kinds())).checkpoints();
            assertEquals(2, children.size());
            for (Checkpoint child : children) {
                ResourceSpec spec = PackageInfo.RESOURCES.stream().filter(r -> r.token().equals(child.snapshotType()))
                        .findFirst().orElseThrow(() -> new AssertionError("no resource " + child.snapshotType()));
                assertEquals(server.snapshot(), spec);
                Set<String> names = spec.properties().stream().filter(PropertySpec::input).map(PropertySpec::name)
                        .collect(Collectors.toSet());
                assertTrue(names.containsAll(child.snapshotInputs().keySet()),
                        child.snapshotInputs().keySet() + " are inputs of " + spec.token() + ": " + names);
                Set<String> required = spec.properties().stream().filter(p -> p.input() && p.required())
                        .map(PropertySpec::name).collect(Collectors.toSet());
                assertTrue(child.snapshotInputs().keySet().containsAll(required), "every required input is given: " + required);
            }
        }
    }

    @Test
    void aCloudsSnapshotLimitIsTheOneItsSpecsEnforce() {
        assertEquals(VpsorgSpecs.SNAPSHOTS_PER_SERVER, ComponentServers.kinds().get(1).snapshotLimit());
        assertFalse(ComponentServers.kinds().get(0).limited(), "Locaweb sets no limit");
        String refused = assertThrows(IllegalArgumentException.class, () -> RollbackPointsInputs.of(
                Map.of("checkpoints", List.of("a")), ComponentServers.kinds())).getMessage();
        assertEquals("locawebServer / vpsorgServerId: neither is set; allowed: exactly one, "
                + "the Locaweb server name or the VPS.org server id", refused);
    }

    @Test
    void theComponentIsInTheSchema() {
        assertTrue(PulumiSchema.build().path("resources").path(RollbackPoints.TYPE).path("isComponent").asBoolean());
    }

    @Test
    void aPropertyThatCameInSecretIsAnsweredSecret() {
        Value secret = Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields("4dabf18193072939515e22adb298388d", Value.newBuilder().setStringValue("1b47061264138c4ac30d75fd1eb44270").build())
                .putFields("value", Value.newBuilder().setStringValue("quiet").build())).build();
        Struct request = Struct.newBuilder().putFields("description", secret)
                .putFields("name", Value.newBuilder().setStringValue("n").build()).build();
        assertEquals(Set.of("description"), StructCodec.secretKeys(request));
        assertEquals("quiet", StructCodec.decode(request).string("description"), "the core sees the plain value");

        Struct answer = StructCodec.encode(StructCodec.decode(request));
        Struct marked = StructCodec.keepSecrets(answer, StructCodec.secretKeys(request));
        assertEquals(secret, marked.getFieldsOrThrow("description"));
        assertEquals("n", marked.getFieldsOrThrow("name").getStringValue());
    }
}

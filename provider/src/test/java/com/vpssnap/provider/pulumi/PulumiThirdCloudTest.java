package com.vpssnap.provider.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Struct;
import com.vpssnap.component.Checkpoint;
import com.vpssnap.component.RollbackPoints;
import com.vpssnap.component.RollbackPointsInputs;
import com.vpssnap.provider.EventLoops;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.testsupport.Answers;
import com.vpssnap.provider.thirdcloud.AcmeEmulatorTest;
import com.vpssnap.provider.thirdcloud.AcmeFixture;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acme through the Pulumi adapter in-process: its schema, its resource's lifecycle, its invoke, the component. */
class PulumiThirdCloudTest extends AcmeEmulatorTest {
    private static final String TYPE = "vpssnap:acme:Snapshot";
    private static final String URN = "urn:pulumi:dev::acme::" + TYPE + "::snap";
    private final EventLoops loops = new EventLoops();

    @AfterEach
    void stopLoops() {
        loops.stop();
    }

    @Test
    void theSchemaOffersItsResourceFunctionSecretTokenAndComponentInput() {
        JsonNode schema = PulumiSchema.build();
        assertTrue(schema.path("resources").has(TYPE), "resource");
        assertTrue(schema.path("functions").has("vpssnap:acme:getSnapshots"), "function");
        assertTrue(schema.path("config").path("variables").path("acmeToken").path("secret").asBoolean(), schema.path("config").toString());
        JsonNode component = schema.path("resources").path(RollbackPoints.TYPE).path("inputProperties");
        assertEquals("string", component.path("acmeMachine").path("type").asText(), component.toString());
        assertTrue(component.path("keep").path("description").asText().endsWith("; at most 5 on VPS.org; at most 2 on Acme."),
                component.path("keep").toString());
    }

    @Test
    void aSnapshotIsCheckedCreatedReadRevertedListedAndDeleted() {
        PulumiProviderService service = new PulumiProviderService(AcmeFixture.environment(emulator), new EngineLog(loops));
        CheckResponse checked = call(o -> service.check(CheckRequest.newBuilder().setUrn(URN).setType(TYPE)
                .setNews(struct(Map.of("machine", "m1", "name", "before-upgrade"))).build(), o));
        assertEquals(List.of(), checked.getFailuresList());
        CreateResponse created = call(o -> service.create(CreateRequest.newBuilder().setUrn(URN).setType(TYPE)
                .setProperties(checked.getInputs()).build(), o));
        assertTrue(created.getId().matches("m1/\\d+"), created.getId());
        assertEquals(List.of(Long.parseLong(created.getId().split("/")[1])), AcmeFixture.snapshotIds(emulator, "m1"));

        ReadResponse read = call(o -> service.read(ReadRequest.newBuilder().setUrn(URN).setType(TYPE).setId(created.getId())
                .setProperties(created.getProperties()).build(), o));
        assertEquals(created.getProperties(), read.getProperties(), "a refresh with no drift gives the same state");

        UpdateResponse reverted = call(o -> service.update(UpdateRequest.newBuilder().setUrn(URN).setType(TYPE).setId(created.getId())
                .setOlds(created.getProperties()).setNews(struct(Map.of("machine", "m1", "name", "before-upgrade", "revertTrigger", "r1")))
                .build(), o));
        assertEquals("r1", reverted.getProperties().getFieldsOrThrow("revertTrigger").getStringValue());
        assertEquals(AcmeFixture.snapshotIds(emulator, "m1"), AcmeFixture.rollbacks(emulator, "m1"), "one rollback, to it");

        InvokeResponse listed = call(o -> service.invoke(InvokeRequest.newBuilder().setTok("vpssnap:acme:getSnapshots")
                .setArgs(struct(Map.of("machine", "m1"))).build(), o));
        assertEquals(1, listed.getReturn().getFieldsOrThrow("snapshots").getListValue().getValuesCount());

        CheckResponse bad = call(o -> service.check(CheckRequest.newBuilder().setUrn(URN).setType(TYPE)
                .setNews(struct(Map.of("machine", "M 1", "name", "x"))).build(), o));
        assertEquals("machine", bad.getFailures(0).getProperty());

        PulumiThirdCloudTest.<com.google.protobuf.Empty>call(o -> service.delete(DeleteRequest.newBuilder().setUrn(URN).setType(TYPE)
                .setId(created.getId()).setProperties(reverted.getProperties()).build(), o));
        assertEquals(List.of(), AcmeFixture.snapshotIds(emulator, "m1"));
    }

    @Test
    void rollbackPointsProtectsAnAcmeMachineWithItsLimit() {
        List<Checkpoint> children = RollbackPoints.plan("app", RollbackPointsInputs.of(Map.of("acmeMachine", "m2",
                "checkpoints", List.of("a", "b"), "keep", 2L), ComponentServers.kinds())).checkpoints();
        assertEquals(List.of(TYPE, TYPE), children.stream().map(Checkpoint::snapshotType).toList());
        assertEquals("m2", children.get(0).snapshotInputs().get("machine"));
        IllegalArgumentException tooMany = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RollbackPoints.plan("app", RollbackPointsInputs.of(Map.of("acmeMachine", "m2",
                        "checkpoints", List.of("a", "b", "c"), "keep", 3L), ComponentServers.kinds())));
        assertEquals("keep: 3 is not allowed for Acme server m2; allowed: 1 to 2 (Acme keeps at most 2 snapshots per server)",
                tooMany.getMessage());
    }

    private static Struct struct(Map<String, Object> values) {
        return StructCodec.encode(Props.of(values));
    }

    private static <T> T call(Consumer<StreamObserver<T>> rpc) {
        Answers<T> answers = new Answers<>();
        rpc.accept(answers);
        return answers.only();
    }
}

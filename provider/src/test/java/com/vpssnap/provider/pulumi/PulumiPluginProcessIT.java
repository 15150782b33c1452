package com.vpssnap.provider.pulumi;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.rpc.Status;
import com.vpssnap.emulator.EmulatorOptions;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.PluginProcess;
import com.vpssnap.provider.testsupport.TestEnvironment;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.ErrorResourceInitFailed;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.PropertyDiff;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.ResourceProviderGrpc;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The installed plugin process over gRPC, as the engine drives it, against the emulator. */
class PulumiPluginProcessIT {
    private static final String LOCAWEB_URN = "urn:pulumi:dev::e2e::vpssnap:locaweb:Snapshot::snap";
    private static final String LOCAWEB = "vpssnap:locaweb:Snapshot";
    private EmulatorFixture emulator;
    private PluginProcess plugin;
    private ManagedChannel channel;
    private ResourceProviderBlockingStub provider;

    @BeforeEach
    void start() throws Exception {
        emulator = EmulatorFixture.start();
        plugin = PluginProcess.start("pulumi-resource-vpssnap", List.of(), Map.of("VPSSNAP_LOCAWEB_TOKEN", ""));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(plugin.handshake().trim()))
                .usePlaintext().build();
        provider = ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        plugin.close();
        emulator.close();
    }

    @Test
    void handshakeIsThePortAloneAndSchemaIsTheRepositoryFile() throws Exception {
        assertTrue(plugin.handshake().matches("\\d+"), "first stdout line: " + plugin.handshake());
        String served = provider.getSchema(GetSchemaRequest.getDefaultInstance()).getSchema();
        assertEquals(Files.readString(TestEnvironment.repositoryRoot().resolve("schema.json")), served,
                "schema.json is stale: run `make schema`");
        assertEquals(com.vpssnap.provider.core.PackageInfo.VERSION, provider.getPluginInfo(Empty.getDefaultInstance()).getVersion());
    }

    @Test
    void checkNamesTheBadPropertyAndLetsUnknownsThrough() {
        configure();
        CheckResponse bad = provider.check(CheckRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB)
                .setNews(struct(Map.of("server", "cpro 0299", "name", ""))).build());
        Map<String, String> reasons = new java.util.HashMap<>();
        bad.getFailuresList().forEach(f -> reasons.put(f.getProperty(), f.getReason()));
        assertTrue(reasons.get("server").contains("\"cpro 0299\""), reasons.toString());
        assertTrue(reasons.get("name").contains("must not be empty"), reasons.toString());

        CheckResponse unknown = provider.check(CheckRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB)
                .setNews(struct(Map.of("server", "cpro0299", "name", StructCodec.UNKNOWN_SENTINEL))).build());
        assertEquals(0, unknown.getFailuresCount(), unknown.toString());
    }

    @Test
    void createReadDiffUpdateDeleteAgainstTheEmulator() {
        configure();
        Struct inputs = struct(Map.of("server", "cpro0299", "name", "grpc-snap"));

        CreateResponse preview = provider.create(CreateRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB)
                .setProperties(inputs).setPreview(true).build());
        assertEquals(StructCodec.UNKNOWN_SENTINEL, preview.getProperties().getFieldsOrThrow("snapshotId").getStringValue());
        assertEquals(0, emulator.totalSnapshots(), "a preview creates nothing");

        CreateResponse created = provider.create(CreateRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB)
                .setProperties(inputs).build());
        long snapshotId = (long) created.getProperties().getFieldsOrThrow("snapshotId").getNumberValue();
        assertEquals("cpro0299/" + snapshotId, created.getId());
        assertEquals("done", created.getProperties().getFieldsOrThrow("status").getStringValue());

        ReadResponse read = provider.read(ReadRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB)
                .setId(created.getId()).setProperties(created.getProperties()).build());
        assertEquals(created.getId(), read.getId());
        assertEquals(inputs, read.getInputs());

        Struct triggered = inputs.toBuilder().putFields("revertTrigger", Value.newBuilder().setStringValue("r1").build()).build();
        DiffResponse inPlace = provider.diff(DiffRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB)
                .setId(created.getId()).setOlds(created.getProperties()).setNews(triggered).build());
        assertEquals(List.of(), inPlace.getReplacesList());
        assertEquals(PropertyDiff.Kind.ADD, inPlace.getDetailedDiffOrThrow("revertTrigger").getKind());

        Struct renamed = inputs.toBuilder().putFields("name", Value.newBuilder().setStringValue("other").build()).build();
        DiffResponse replace = provider.diff(DiffRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB)
                .setId(created.getId()).setOlds(created.getProperties()).setNews(renamed).build());
        assertEquals(List.of("name"), replace.getReplacesList());
        assertEquals(PropertyDiff.Kind.UPDATE_REPLACE, replace.getDetailedDiffOrThrow("name").getKind());
        assertFalse(replace.getDeleteBeforeReplace());

        emulator.clearRequests();
        provider.update(UpdateRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB).setId(created.getId())
                .setOlds(created.getProperties()).setNews(triggered).build());
        assertEquals(1, emulator.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots/\\d+/actions"));

        provider.delete(DeleteRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB).setId(created.getId())
                .setProperties(created.getProperties()).build());
        assertEquals(0, emulator.totalSnapshots());
        ReadResponse gone = provider.read(ReadRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB)
                .setId(created.getId()).setProperties(created.getProperties()).build());
        assertEquals("", gone.getId(), "a vanished snapshot reads as an empty id");
        // Deleting what is already gone succeeds.
        provider.delete(DeleteRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB).setId(created.getId())
                .setProperties(created.getProperties()).build());
    }

    @Test
    void invokeListsSnapshotsAndMissingTokenNamesKeyAndVariable() {
        provider.configure(ConfigureRequest.newBuilder()
                .setArgs(struct(Map.of("locawebEndpoint", emulator.locawebEndpoint()))).build());
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> provider.invoke(
                InvokeRequest.newBuilder().setTok("vpssnap:locaweb:getSnapshots")
                        .setArgs(struct(Map.of("server", "cpro0299"))).build()));
        assertTrue(missing.getStatus().getDescription().contains("vpssnap:locawebToken"), missing.toString());
        assertTrue(missing.getStatus().getDescription().contains("VPSSNAP_LOCAWEB_TOKEN"), missing.toString());

        configure();
        provider.create(CreateRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB)
                .setProperties(struct(Map.of("server", "cpro0299", "name", "listed"))).build());
        Struct result = provider.invoke(InvokeRequest.newBuilder().setTok("vpssnap:locaweb:getSnapshots")
                .setArgs(struct(Map.of("server", "cpro0299"))).build()).getReturn();
        var snapshots = result.getFieldsOrThrow("snapshots").getListValue().getValuesList();
        assertEquals(1, snapshots.size());
        assertEquals("listed", snapshots.get(0).getStructValue().getFieldsOrThrow("name").getStringValue());
    }

    @Test
    void cancelStopsAWaitingCreateAndKeepsTheSnapshotInTheError() throws Exception {
        try (EmulatorFixture slow = EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(600_000))) {
            provider.configure(ConfigureRequest.newBuilder().setArgs(struct(Map.of(
                    "locawebEndpoint", slow.locawebEndpoint(), "locawebToken", EmulatorFixture.LOCAWEB_TOKEN))).build());
            CompletableFuture<StatusRuntimeException> create = CompletableFuture.supplyAsync(() -> assertThrows(
                    StatusRuntimeException.class, () -> provider.create(CreateRequest.newBuilder().setUrn(LOCAWEB_URN)
                            .setType(LOCAWEB).setProperties(struct(Map.of("server", "cpro0299", "name", "slow"))).build())));
            while (slow.totalSnapshots() == 0) {
                Thread.sleep(50);
            }
            provider.cancel(Empty.getDefaultInstance());
            StatusRuntimeException failure = create.get(30, TimeUnit.SECONDS);
            Status status = StatusProto.fromThrowable(failure);
            ErrorResourceInitFailed partial = status.getDetails(0).unpack(ErrorResourceInitFailed.class);
            long inEmulator = slow.locawebSnapshots("cpro0299").get(0).path("id").asLong();
            assertEquals("cpro0299/" + inEmulator, partial.getId(), "the started snapshot is reported, not lost");
        }
    }

    @Test
    void aSnapshotThatEndsInErrorIsAPartialCreateThatKeepsItsId() throws Exception {
        try (EmulatorFixture slow = EmulatorFixture.start(EmulatorOptions.defaults().port(0).createMs(600_000))) {
            provider.configure(ConfigureRequest.newBuilder().setArgs(struct(Map.of(
                    "locawebEndpoint", slow.locawebEndpoint(), "locawebToken", EmulatorFixture.LOCAWEB_TOKEN))).build());
            CompletableFuture<StatusRuntimeException> create = CompletableFuture.supplyAsync(() -> assertThrows(
                    StatusRuntimeException.class, () -> provider.create(CreateRequest.newBuilder().setUrn(LOCAWEB_URN)
                            .setType(LOCAWEB).setProperties(struct(Map.of("server", "cpro0299", "name", "doomed"))).build())));
            while (slow.totalSnapshots() == 0) {
                Thread.sleep(50);
            }
            long id = slow.locawebSnapshots("cpro0299").get(0).path("id").asLong();
            slow.patch("/locaweb/servers/cpro0299/snapshots/" + id, "{\"status\":\"error\"}");
            StatusRuntimeException failure = create.get(60, TimeUnit.SECONDS);
            ErrorResourceInitFailed partial = StatusProto.fromThrowable(failure).getDetails(0)
                    .unpack(ErrorResourceInitFailed.class);
            assertEquals("cpro0299/" + id, partial.getId());
            assertTrue(partial.getReasons(0).contains("status error"), partial.getReasons(0));
        }
    }

    @Test
    void aReplacementOnAFullVpsorgServerDeletesFirst() {
        configure();
        String urn = "urn:pulumi:dev::e2e::vpssnap:vpsorg:Snapshot::snap";
        String type = "vpssnap:vpsorg:Snapshot";
        Struct state = null;
        for (int i = 1; i <= 5; i++) {
            Struct inputs = Struct.newBuilder()
                    .putFields("serverId", Value.newBuilder().setNumberValue(12346).build())
                    .putFields("name", Value.newBuilder().setStringValue("full-" + i).build()).build();
            state = provider.create(CreateRequest.newBuilder().setUrn(urn).setType(type).setProperties(inputs).build())
                    .getProperties();
            if (i == 4) {
                assertFalse(diffRename(urn, type, state).getDeleteBeforeReplace(), "4 of 5: create first");
            }
        }
        assertTrue(diffRename(urn, type, state).getDeleteBeforeReplace(), "5 of 5: delete first");
    }

    private DiffResponse diffRename(String urn, String type, Struct state) {
        Struct renamed = Struct.newBuilder()
                .putFields("serverId", state.getFieldsOrThrow("serverId"))
                .putFields("name", Value.newBuilder().setStringValue("renamed").build()).build();
        return provider.diff(DiffRequest.newBuilder().setUrn(urn).setType(type).setId("x")
                .setOlds(state).setNews(renamed).build());
    }

    @Test
    void aLostCreateAnswerIsAdoptedAndADroppedOneRetriedNeverDuplicated() {
        configure();
        // The POST is performed but its answer is lost: the snapshot it made is found and adopted.
        emulator.addFault("{\"method\":\"POST\",\"path\":\"/v1/cloud/servers/*/snapshots\",\"action\":\"lost-response\",\"count\":1}");
        CreateResponse adopted = provider.create(CreateRequest.newBuilder().setUrn(LOCAWEB_URN).setType(LOCAWEB)
                .setProperties(struct(Map.of("server", "cpro0299", "name", "lost-answer"))).build());
        assertEquals(1, emulator.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots"), "not sent twice");
        assertEquals(1, emulator.locawebSnapshots("cpro0299").size());
        assertEquals("cpro0299/" + emulator.locawebSnapshots("cpro0299").get(0).path("id").asLong(), adopted.getId());

        // The connection drops before anything is done, then a 503: nothing was made, so it is sent again.
        String urn = "urn:pulumi:dev::e2e::vpssnap:vpsorg:Snapshot::snap";
        emulator.addFault("{\"method\":\"POST\",\"path\":\"/api/v1/snapshots/\",\"action\":\"drop\",\"count\":1}");
        emulator.addFault("{\"method\":\"POST\",\"path\":\"/api/v1/snapshots/\",\"status\":503,\"count\":1}");
        CreateResponse retried = provider.create(CreateRequest.newBuilder().setUrn(urn).setType("vpssnap:vpsorg:Snapshot")
                .setProperties(Struct.newBuilder()
                        .putFields("serverId", Value.newBuilder().setNumberValue(12345).build())
                        .putFields("name", Value.newBuilder().setStringValue("dropped").build()).build()).build());
        assertEquals(3, emulator.countRequests("POST", "/api/v1/snapshots/"));
        assertEquals(1, emulator.vpsorgSnapshots(12345).size(), "exactly one snapshot");
        assertEquals(Long.toString(emulator.vpsorgSnapshots(12345).get(0).path("id").asLong()), retried.getId());
    }

    @Test
    void exitsCleanlyWhenTheEngineClosesIt() throws Exception {
        plugin.process().destroy();
        assertTrue(plugin.process().waitFor(20, TimeUnit.SECONDS), "plugin still running after SIGTERM");
        assertEquals("", plugin.stdoutAfterHandshake(), "nothing but the handshake on stdout");
    }

    private void configure() {
        provider.configure(ConfigureRequest.newBuilder().setArgs(struct(Map.of(
                "locawebEndpoint", emulator.locawebEndpoint(), "locawebToken", EmulatorFixture.LOCAWEB_TOKEN,
                "vpsorgEndpoint", emulator.vpsorgEndpoint(), "vpsorgToken", EmulatorFixture.VPSORG_TOKEN))).build());
    }

    private static Struct struct(Map<String, String> values) {
        Struct.Builder b = Struct.newBuilder();
        values.forEach((k, v) -> b.putFields(k, Value.newBuilder().setStringValue(v).build()));
        return b.build();
    }
}

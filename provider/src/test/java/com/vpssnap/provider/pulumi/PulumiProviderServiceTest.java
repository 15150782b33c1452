package com.vpssnap.provider.pulumi;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.vpssnap.provider.EventLoops;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.testsupport.Answers;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.EmulatorTest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Pulumi adapter in-process: each RPC's request in, its response (or status) out, against the
 * real emulator over HTTP, with no plugin process and no engine (those are the ITs').
 */
class PulumiProviderServiceTest extends EmulatorTest {
    private static final String TYPE = "vpssnap:locaweb:Snapshot";
    private static final String URN = "urn:pulumi:dev::inproc::" + TYPE + "::snap";
    private static final String REVERTS = "/v1/cloud/servers/cpro0299/snapshots/\\d+/actions";

    private final EventLoops loops = new EventLoops();
    private final PulumiProviderService service = service(Map.of());

    @AfterEach
    void stopLoops() {
        loops.stop();
    }

    @Test
    void aSnapshotIsCheckedCreatedReadRevertedInPlaceAndDeleted() {
        Struct news = struct(Map.of("server", "cpro0299", "name", "before-upgrade"));
        CheckResponse checked = call(o -> service.check(CheckRequest.newBuilder().setUrn(URN).setType(TYPE).setNews(news).build(), o));
        assertEquals(List.of(), checked.getFailuresList());

        CreateResponse preview = call(o -> service.create(CreateRequest.newBuilder().setUrn(URN).setType(TYPE)
                .setProperties(checked.getInputs()).setPreview(true).build(), o));
        assertEquals("", preview.getId(), "a preview creates nothing");
        assertEquals(0, emulator.locawebSnapshots("cpro0299").size());

        CreateResponse created = call(o -> service.create(CreateRequest.newBuilder().setUrn(URN).setType(TYPE)
                .setProperties(checked.getInputs()).build(), o));
        assertTrue(created.getId().matches("cpro0299/\\d+"), created.getId());
        assertEquals("done", created.getProperties().getFieldsOrThrow("status").getStringValue());
        assertEquals(1, emulator.locawebSnapshots("cpro0299").size());

        ReadResponse read = call(o -> service.read(ReadRequest.newBuilder().setUrn(URN).setType(TYPE).setId(created.getId())
                .setProperties(created.getProperties()).build(), o));
        assertEquals(created.getId(), read.getId());
        assertEquals(created.getProperties(), read.getProperties(), "a refresh with no drift gives the same state");

        Struct reverting = struct(Map.of("server", "cpro0299", "name", "before-upgrade", "revertTrigger", "rollback-1"));
        DiffResponse diff = call(o -> service.diff(DiffRequest.newBuilder().setUrn(URN).setType(TYPE).setId(created.getId())
                .setOlds(created.getProperties()).setNews(reverting).build(), o));
        assertEquals(DiffResponse.DiffChanges.DIFF_SOME, diff.getChanges());
        assertEquals(List.of("revertTrigger"), diff.getDiffsList());
        assertEquals(List.of(), diff.getReplacesList(), "a revert is an update in place");

        UpdateResponse updated = call(o -> service.update(UpdateRequest.newBuilder().setUrn(URN).setType(TYPE).setId(created.getId())
                .setOlds(created.getProperties()).setNews(reverting).build(), o));
        assertEquals("rollback-1", updated.getProperties().getFieldsOrThrow("revertTrigger").getStringValue());
        assertEquals(1, emulator.countRequests("POST", REVERTS), "one revert sent");

        DiffResponse rename = call(o -> service.diff(DiffRequest.newBuilder().setUrn(URN).setType(TYPE).setId(created.getId())
                .setOlds(updated.getProperties()).setNews(struct(Map.of("server", "cpro0299", "name", "after", "revertTrigger", "rollback-1")))
                .build(), o));
        assertEquals(List.of("name"), rename.getReplacesList());

        PulumiProviderServiceTest.<com.google.protobuf.Empty>call(o -> service.delete(DeleteRequest.newBuilder().setUrn(URN).setType(TYPE).setId(created.getId())
                .setProperties(updated.getProperties()).build(), o));
        assertEquals(0, emulator.locawebSnapshots("cpro0299").size(), "deleted on the cloud");
    }

    @Test
    void aSecretInputStaysSecretInTheChecksAnswer() {
        Struct news = Struct.newBuilder().putFields("server", string("cpro0299")).putFields("name", string("n"))
                .putFields("description", secret("not for the logs")).build();
        CheckResponse checked = call(o -> service.check(CheckRequest.newBuilder().setUrn(URN).setType(TYPE).setNews(news).build(), o));
        assertEquals(secret("not for the logs"), checked.getInputs().getFieldsOrThrow("description"));
    }

    @Test
    void badInputIsACheckFailureThatNamesThePropertyAndCallsNothing() {
        CheckResponse checked = call(o -> service.check(CheckRequest.newBuilder().setUrn(URN).setType(TYPE)
                .setNews(struct(Map.of("server", "cpro0299", "name", "x".repeat(300)))).build(), o));
        assertEquals("name", checked.getFailures(0).getProperty());
        assertTrue(checked.getFailures(0).getReason().contains("is 300 characters long; the maximum is 255"), checked.getFailures(0).getReason());
        assertEquals(0, emulator.requests().size(), "nothing called: " + emulator.requests());
    }

    @Test
    void aRefusedTokenFailsTheCreateWithTheApisWordsNeverTheTokenAndLeavesNothing() {
        PulumiProviderService refused = service(Map.of("VPSSNAP_LOCAWEB_TOKEN", "tok-WRONG-456"));
        Status status = PulumiProviderServiceTest.<CreateResponse>failure(o -> refused.create(CreateRequest.newBuilder().setUrn(URN).setType(TYPE)
                .setProperties(struct(Map.of("server", "cpro0299", "name", "refused"))).build(), o));
        assertEquals(Status.Code.UNKNOWN, status.getCode());
        assertTrue(status.getDescription().contains("401"), status.getDescription());
        assertFalse(status.getDescription().contains("tok-WRONG-456"), status.getDescription());
        assertEquals(0, emulator.locawebSnapshots("cpro0299").size());
    }

    @Test
    void anUnknownTypeIsAnInvalidArgumentThatListsTheTypes() {
        Status status = PulumiProviderServiceTest.<CheckResponse>failure(o -> service.check(CheckRequest.newBuilder().setUrn(URN).setType("vpssnap:acme:Snapshot")
                .setNews(Struct.getDefaultInstance()).build(), o));
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertTrue(status.getDescription().contains("vpssnap:acme:Snapshot") && status.getDescription().contains(TYPE),
                status.getDescription());
    }

    @Test
    void theListingInvokeReturnsAServersSnapshotsOldestFirst() throws Exception {
        emulator.createLocawebSnapshot("cpro0299", "first");
        emulator.createLocawebSnapshot("cpro0299", "second");
        InvokeResponse listed = call(o -> service.invoke(InvokeRequest.newBuilder().setTok("vpssnap:locaweb:getSnapshots")
                .setArgs(struct(Map.of("server", "cpro0299"))).build(), o));
        assertEquals(List.of(), listed.getFailuresList());
        List<String> names = new ArrayList<>();
        listed.getReturn().getFieldsOrThrow("snapshots").getListValue().getValuesList()
                .forEach(s -> names.add(s.getStructValue().getFieldsOrThrow("name").getStringValue()));
        assertEquals(List.of("first", "second"), names);
    }

    private PulumiProviderService service(Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "VPSSNAP_LOCAWEB_ENDPOINT", emulator.locawebEndpoint(), "VPSSNAP_LOCAWEB_TOKEN", EmulatorFixture.LOCAWEB_TOKEN,
                "VPSSNAP_VPSORG_ENDPOINT", emulator.vpsorgEndpoint(), "VPSSNAP_VPSORG_TOKEN", EmulatorFixture.VPSORG_TOKEN));
        env.putAll(overrides);
        return new PulumiProviderService(env, new EngineLog(loops));
    }

    private static Struct struct(Map<String, Object> values) {
        return StructCodec.encode(Props.of(values));
    }

    private static Value string(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static Value secret(String s) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields("4dabf18193072939515e22adb298388d", string("1b47061264138c4ac30d75fd1eb44270"))
                .putFields("value", string(s))).build();
    }

    /** One RPC's single answer; a failure status fails the test with its text. */
    private static <T> T call(java.util.function.Consumer<StreamObserver<T>> rpc) {
        Answers<T> answers = new Answers<>();
        rpc.accept(answers);
        return answers.only();
    }

    /** The status of an RPC that must fail, with no answer before it. */
    private static <T> Status failure(java.util.function.Consumer<StreamObserver<T>> rpc) {
        Answers<T> answers = new Answers<>();
        rpc.accept(answers);
        return answers.failure();
    }
}

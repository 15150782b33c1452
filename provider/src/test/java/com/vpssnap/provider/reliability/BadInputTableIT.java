package com.vpssnap.provider.reliability;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.vpssnap.provider.testsupport.EmulatorFixture;
import com.vpssnap.provider.testsupport.PluginProcess;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.ResourceProviderGrpc;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input field with a wrong type, empty, too long and with invalid characters, through the
 * plugin process as the engine calls it: Check refuses each with a message that names the field,
 * and sends nothing to the API. Then what only the API can tell: an unknown server, a wrong and a
 * missing token, and a plain-http endpoint to a non-loopback host. The table of inputs and
 * messages is written to provider/target/bad-input-table.md (docs/guides/reliability.md's table comes from it).
 */
class BadInputTableIT {
    private static final String LOCAWEB = "vpssnap:locaweb:Snapshot";
    private static final String VPSORG = "vpssnap:vpsorg:Snapshot";
    private EmulatorFixture emulator;
    private PluginProcess plugin;
    private ManagedChannel channel;
    private ResourceProviderBlockingStub provider;
    private final List<String> table = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        emulator = EmulatorFixture.start();
        plugin = PluginProcess.start("pulumi-resource-vpssnap", List.of(),
                Map.of("VPSSNAP_LOCAWEB_TOKEN", "", "VPSSNAP_VPSORG_TOKEN", ""));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(plugin.handshake().trim())).usePlaintext().build();
        provider = ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        table.add("| resource | input | value | message |");
        table.add("|---|---|---|---|");
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        plugin.close();
        emulator.close();
    }

    @Test
    void everyBadInputIsNamedAndNothingReachesTheApi() throws Exception {
        configure(emulator.locawebEndpoint(), EmulatorFixture.LOCAWEB_TOKEN, emulator.vpsorgEndpoint(), EmulatorFixture.VPSORG_TOKEN);
        emulator.clearRequests();
        Map<String, Value> locaweb = Map.of("server", text("cpro0299"), "name", text("before-upgrade"));
        refused(LOCAWEB, locaweb, "server", number(42), "42 (a number)");
        refused(LOCAWEB, locaweb, "server", text(""), "\"\"");
        refused(LOCAWEB, locaweb, "server", text("s".repeat(65)), "65 characters");
        refused(LOCAWEB, locaweb, "server", text("cpro 0299"), "\"cpro 0299\"");
        refused(LOCAWEB, locaweb, "name", list(), "[] (a list)");
        refused(LOCAWEB, locaweb, "name", text(""), "\"\"");
        refused(LOCAWEB, locaweb, "name", text("n".repeat(256)), "256 characters");
        String bell = refused(LOCAWEB, locaweb, "name", text("bad\u0007name"), "a control character");
        assertTrue(bell.contains("\"bad\\u0007name\""), "a control character is shown escaped: " + bell);
        refused(LOCAWEB, locaweb, "description", Value.newBuilder().setBoolValue(true).build(), "true (a boolean)");
        refused(LOCAWEB, locaweb, "description", text("d".repeat(1001)), "1001 characters");
        refused(LOCAWEB, locaweb, "revertTrigger", number(1), "1 (a number)");
        refused(LOCAWEB, locaweb, "colour", text("blue"), "an unknown input");

        Map<String, Value> vpsorg = Map.of("serverId", number(12345), "name", text("before-migration"));
        refused(VPSORG, vpsorg, "serverId", text("web-01"), "\"web-01\" (a string)");
        refused(VPSORG, vpsorg, "serverId", number(0), "0");
        refused(VPSORG, vpsorg, "serverId", number(1.5), "1.5");
        refused(VPSORG, vpsorg, "name", text(""), "\"\"");
        refused(VPSORG, vpsorg, "name", text("n".repeat(101)), "101 characters");
        refused(VPSORG, vpsorg, "name", text("before migration!"), "\"before migration!\"");
        refused(VPSORG, vpsorg, "description", text("d".repeat(256)), "256 characters");
        refused(VPSORG, vpsorg, "description", number(3), "3 (a number)");

        assertEquals(0, emulator.requests().size(), "Check sent nothing to the API: " + emulator.requests());

        // What only the API can tell, or what the configuration decides.
        failedCall("an unknown server", LOCAWEB, Map.of("server", text("cpro9999"), "name", text("x")), "cpro9999");
        configure(emulator.locawebEndpoint(), "wrong-token", emulator.vpsorgEndpoint(), EmulatorFixture.VPSORG_TOKEN);
        failedCall("a wrong token", LOCAWEB, locaweb, "401");
        configure(emulator.locawebEndpoint(), "", emulator.vpsorgEndpoint(), "");
        failedCall("a missing token", VPSORG, vpsorg, "vpssnap:vpsorgToken");
        emulator.clearRequests();
        configure("http://api.example.com/v1", EmulatorFixture.LOCAWEB_TOKEN, emulator.vpsorgEndpoint(), EmulatorFixture.VPSORG_TOKEN);
        failedCall("`http://` to a non-loopback host", LOCAWEB, locaweb, "http://api.example.com/v1");
        failedInvoke("an invalid server in getSnapshots", "vpssnap:locaweb:getSnapshots", Map.of("server", text("cpro 0299")), "server");
        assertEquals(0, emulator.requests().size(), "nothing sent for the refused endpoint or invoke");

        // A revert to a snapshot that is still being made: refused before any revert request.
        configure(emulator.locawebEndpoint(), EmulatorFixture.LOCAWEB_TOKEN, emulator.vpsorgEndpoint(), EmulatorFixture.VPSORG_TOKEN);
        emulator.timing("{\"createMs\": 60000}");
        long creating = emulator.startLocawebSnapshot("cpro0299", "still-creating");
        Struct olds = Struct.newBuilder().putFields("server", text("cpro0299")).putFields("name", text("still-creating"))
                .putFields("revertTrigger", text("")).build();
        String message;
        try {
            provider.update(UpdateRequest.newBuilder().setUrn("urn:pulumi:dev::t::" + LOCAWEB + "::r").setType(LOCAWEB)
                    .setId("cpro0299/" + creating).setOlds(olds)
                    .setNews(olds.toBuilder().putFields("revertTrigger", text("rollback-1"))).setTimeout(60).build());
            throw new AssertionError("the revert of a creating snapshot succeeded");
        } catch (StatusRuntimeException e) {
            message = e.getStatus().getDescription();
        }
        assertTrue(message.contains("'creating'") && message.contains("needs 'done'"), message);
        assertEquals(0, emulator.countRequests("POST", "/v1/cloud/servers/cpro0299/snapshots/\\d+/actions"), "no revert sent");
        table.add("| `" + LOCAWEB + "` | a revert (new `revertTrigger`) of a snapshot still `creating` | | "
                + message.replace("|", "\\|") + " |");

        Path out = Path.of("target", "bad-input-table.md");
        Files.writeString(out, String.join("\n", table) + "\n");
        System.out.println("BAD INPUT TABLE (" + out.toAbsolutePath() + "):\n" + String.join("\n", table));
    }

    private String refused(String type, Map<String, Value> valid, String field, Value value, String shown) {
        Map<String, Value> inputs = new LinkedHashMap<>(valid);
        inputs.put(field, value);
        CheckResponse response = provider.check(CheckRequest.newBuilder().setUrn("urn:pulumi:dev::t::" + type + "::r")
                .setType(type).setNews(Struct.newBuilder().putAllFields(inputs)).build());
        String reason = response.getFailuresList().stream().filter(f -> f.getProperty().equals(field))
                .map(f -> f.getReason()).findFirst()
                .orElseThrow(() -> new AssertionError(type + "." + field + " = " + shown + " was not refused: " + response));
        // The field is named by the failure's property (pulumi prints "Examine values at 'r.server'",
        // tofu points at the attribute); the reason says what was given and what is allowed.
        assertTrue(reason.length() > 15, type + "." + field + ": " + reason);
        table.add("| `" + type + "` | `" + field + "` | " + shown + " | " + reason.replace("|", "\\|") + " |");
        return reason;
    }

    private void failedCall(String what, String type, Map<String, Value> inputs, String expected) {
        String message;
        try {
            provider.create(CreateRequest.newBuilder().setUrn("urn:pulumi:dev::t::" + type + "::r").setType(type)
                    .setProperties(Struct.newBuilder().putAllFields(inputs)).setTimeout(60).build());
            throw new AssertionError(what + ": the create succeeded");
        } catch (StatusRuntimeException e) {
            message = e.getStatus().getDescription();
        }
        assertTrue(message.contains(expected), what + ": " + message);
        assertFalse(message.contains(EmulatorFixture.LOCAWEB_TOKEN) || message.contains("wrong-token"), "no token in: " + message);
        table.add("| `" + type + "` | " + what + " | | " + message.replace("|", "\\|").replace("\n", " ") + " |");
    }

    private void failedInvoke(String what, String token, Map<String, Value> args, String expected) {
        var response = provider.invoke(InvokeRequest.newBuilder().setTok(token).setArgs(Struct.newBuilder().putAllFields(args)).build());
        assertTrue(response.getFailuresCount() > 0, what + ": " + response);
        String reason = response.getFailures(0).getReason();
        assertTrue(reason.contains(expected), what + ": " + reason);
        table.add("| `" + token + "` | " + what + " | | " + reason.replace("|", "\\|") + " |");
    }

    private void configure(String locawebEndpoint, String locawebToken, String vpsorgEndpoint, String vpsorgToken) {
        provider.configure(ConfigureRequest.newBuilder().setArgs(Struct.newBuilder()
                .putFields("locawebEndpoint", text(locawebEndpoint)).putFields("locawebToken", text(locawebToken))
                .putFields("vpsorgEndpoint", text(vpsorgEndpoint)).putFields("vpsorgToken", text(vpsorgToken))).build());
    }

    private static Value text(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static Value number(double n) {
        return Value.newBuilder().setNumberValue(n).build();
    }

    private static Value list() {
        return Value.newBuilder().setListValue(ListValue.getDefaultInstance()).build();
    }
}

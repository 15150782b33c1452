package com.vpssnap.provider.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.TakeSnapshotAction;
import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.core.vpsorg.VpsorgSpecs;
import com.vpssnap.provider.terraform.proto.Tfplugin6.InvokeAction;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ValidateActionConfig;
import com.vpssnap.provider.testsupport.EmulatorTest;
import com.vpssnap.provider.testsupport.Answers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.vpssnap.provider.terraform.InProcess.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The actions in-process (protocol 6.10): a request in, the invoke's event stream out, against
 * the emulator. VPS.org's, whose take has a keep limit and whose restore names a snapshot id.
 */
class TerraformActionsTest extends EmulatorTest {
    private static final long SERVER = 12345;
    private static final long OTHER_SERVER = 12346;

    private final ConfiguredProvider provider = new ConfiguredProvider(InProcess.environment(emulator, Map.of()));
    private final TerraformActions actions = new TerraformActions(provider::action,
            (action, progress) -> Operation.within(Duration.ofMinutes(2), provider.cancellation(), progress));

    @Test
    void aTakeWithKeepDeletesOnlyItsOwnOlderSnapshotsOfThatName() throws Exception {
        long theUsers = emulator.createVpsorgSnapshot(SERVER, "pre-deploy");
        List<InvokeAction.Event> first = invoke(VpsorgSpecs.TAKE_SNAPSHOT, take("pre-deploy", 1));
        assertEquals(List.of(), completed(first).getDiagnosticsList());
        assertTrue(first.stream().anyMatch(e -> e.hasProgress() && e.getProgress().getMessage().endsWith("snapshot ready")),
                "a progress event per step: " + first);
        invoke(VpsorgSpecs.TAKE_SNAPSHOT, take("final", 1));
        List<InvokeAction.Event> second = invoke(VpsorgSpecs.TAKE_SNAPSHOT, take("pre-deploy", 1));
        assertEquals(List.of(), completed(second).getDiagnosticsList());

        List<JsonNode> left = emulator.vpsorgSnapshots(SERVER);
        List<String> names = left.stream().map(s -> s.path("name").asText()
                + (s.path("description").asText().startsWith(TakeSnapshotAction.MARKER) ? "*" : "")).toList();
        assertEquals(List.of("pre-deploy", "final*", "pre-deploy*"), names,
                "the user's snapshot, the other name's and the newest of this name (* = the action's)");
        assertEquals(theUsers, left.get(0).get("id").asLong());
    }

    @Test
    void aRestoreToAnotherServersSnapshotIsRefusedBeforeAnythingIsSent() throws Exception {
        long elsewhere = emulator.createVpsorgSnapshot(OTHER_SERVER, "theirs");
        emulator.clearRequests();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("server_id", SERVER);
        config.put("snapshot_id", elsewhere);
        InvokeAction.Event.Completed refused = completed(invoke(VpsorgSpecs.RESTORE, config));
        String said = text(refused.getDiagnosticsList());
        assertTrue(said.contains("belongs to server " + OTHER_SERVER + ", not to " + SERVER), said);
        assertEquals(0, emulator.countRequests("POST", ".*"), "nothing sent: " + emulator.requests());
    }

    @Test
    void aKeepPastTheServersRoomIsRefusedByNameWithItsValueAndTheRange() {
        ValidateActionConfig.Response refused = actions.validate(ValidateActionConfig.Request.newBuilder()
                .setTypeName(VpsorgSpecs.TAKE_SNAPSHOT.terraformType())
                .setConfig(DynamicValues.dynamic(take("pre-deploy", 5), type(VpsorgSpecs.TAKE_SNAPSHOT))).build());
        assertEquals(1, refused.getDiagnosticsCount(), text(refused.getDiagnosticsList()));
        assertEquals("keep", refused.getDiagnostics(0).getAttribute().getSteps(0).getAttributeName());
        assertTrue(text(refused.getDiagnosticsList()).contains("5 is not allowed: it must be 1 to 4"),
                text(refused.getDiagnosticsList()));
        assertFalse(emulator.countRequests("GET", ".*") > 0, "validation calls nothing");
    }

    private List<InvokeAction.Event> invoke(ActionSpec spec, Map<String, Object> config) {
        Answers<InvokeAction.Event> events = new Answers<>();
        actions.invoke(InvokeAction.Request.newBuilder().setActionType(spec.terraformType())
                .setConfig(DynamicValues.dynamic(config, type(spec))).build(), events);
        // A failure is reported in the completed event, never as a gRPC error: all() fails on one.
        return events.all();
    }

    /** The last event, which must be the only completed one. */
    private static InvokeAction.Event.Completed completed(List<InvokeAction.Event> events) {
        assertEquals(1, events.stream().filter(InvokeAction.Event::hasCompleted).count(), events.toString());
        assertTrue(events.get(events.size() - 1).hasCompleted(), events.toString());
        return events.get(events.size() - 1).getCompleted();
    }

    private static Map<String, Object> take(String name, long keep) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("server_id", SERVER);
        config.put("name", name);
        config.put("description", null);
        config.put("keep", keep);
        return config;
    }

    private static com.vpssnap.provider.terraform.cty.CtyType type(ActionSpec spec) {
        return TerraformSchema.objectType(spec.config());
    }
}

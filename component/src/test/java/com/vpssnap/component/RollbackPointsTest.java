package com.vpssnap.component;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RollbackPointsTest {
    @Test
    void asksForOneSnapshotPerRetainedCheckpointOnTheServersCloud() {
        RollbackPoints points = RollbackPoints.plan("db", RollbackPointsInputs.of(Map.of(
                "vpsorgServerId", 12345L, "checkpoints", List.of("a", "b", "c"), "keep", 2L, "rollbackTo", "b"), Kinds.TWO_CLOUDS));
        assertEquals("c", points.latest());
        assertEquals(List.of(
                new Checkpoint("b", "db-b", "vpssnap:vpsorg:Snapshot",
                        Map.of("serverId", 12345L, "name", "b", "description", "Rollback point b", "revertTrigger", "b")),
                new Checkpoint("c", "db-c", "vpssnap:vpsorg:Snapshot",
                        Map.of("serverId", 12345L, "name", "c", "description", "Rollback point c", "revertTrigger", ""))),
                points.checkpoints());
    }

    @Test
    void keepsThreeWhenKeepIsNotGiven() {
        RollbackPoints points = RollbackPoints.plan("web", RollbackPointsInputs.of(Map.of(
                "locawebServer", "cpro0299", "checkpoints", List.of("a", "b", "c", "d")), Kinds.TWO_CLOUDS));
        assertEquals(List.of("web-b", "web-c", "web-d"), points.checkpoints().stream().map(Checkpoint::resourceName).toList());
        assertEquals("vpssnap:locaweb:Snapshot", points.checkpoints().get(0).snapshotType());
        assertEquals("cpro0299", points.checkpoints().get(0).snapshotInputs().get("server"));
    }

    @Test
    void namesTheInputAndWhatIsAllowed() {
        assertEquals("locawebServer / vpsorgServerId: neither is set; allowed: exactly one, the Locaweb server name or the VPS.org server id",
                refusal(Map.of("checkpoints", List.of("a"))));
        assertEquals("locawebServer / vpsorgServerId: both are set (cpro0299, 7); allowed: exactly one, the Locaweb server name or the VPS.org server id",
                refusal(Map.of("locawebServer", "cpro0299", "vpsorgServerId", 7L, "checkpoints", List.of("a"))));
        assertEquals("keep: two is not a whole number",
                refusal(Map.of("locawebServer", "cpro0299", "checkpoints", List.of("a"), "keep", "two")));
        assertEquals("keep: 4294967296 is not allowed; allowed: 1 or more (at most 5 on VPS.org)",
                refusal(Map.of("locawebServer", "cpro0299", "checkpoints", List.of("a"), "keep", 4_294_967_296L)));
        assertEquals("checkpoints: empty; give at least one label, the newest last",
                refusal(Map.of("locawebServer", "cpro0299")));
        assertEquals("rollbackTo: \"a\" is not a retained checkpoint; allowed: one of [b]",
                refusal(Map.of("locawebServer", "cpro0299", "checkpoints", List.of("a", "b"), "keep", 1L, "rollbackTo", "a")));
    }

    @Test
    void aThirdCloudIsOneMoreKindWithItsOwnInputTypeAndLimit() {
        RollbackPoints points = RollbackPoints.plan("app", RollbackPointsInputs.of(Map.of(
                "acmeMachine", "m1", "checkpoints", List.of("a", "b"), "keep", 2L), Kinds.THREE_CLOUDS));
        assertEquals(List.of(new Checkpoint("a", "app-a", "vpssnap:acme:Snapshot",
                        Map.of("machine", "m1", "name", "a", "description", "Rollback point a", "revertTrigger", "")),
                new Checkpoint("b", "app-b", "vpssnap:acme:Snapshot",
                        Map.of("machine", "m1", "name", "b", "description", "Rollback point b", "revertTrigger", ""))),
                points.checkpoints());
        assertEquals("locawebServer / vpsorgServerId / acmeMachine: none is set; allowed: exactly one, "
                        + "the Locaweb server name or the VPS.org server id or the Acme machine name",
                assertThrows(IllegalArgumentException.class, () -> RollbackPointsInputs.of(
                        Map.of("checkpoints", List.of("a")), Kinds.THREE_CLOUDS)).getMessage());
        assertEquals("keep: 4294967296 is not allowed; allowed: 1 or more (at most 5 on VPS.org, at most 2 on Acme)",
                assertThrows(IllegalArgumentException.class, () -> RollbackPointsInputs.of(Map.of("acmeMachine", "m1",
                        "checkpoints", List.of("a"), "keep", 4_294_967_296L), Kinds.THREE_CLOUDS)).getMessage());
        assertEquals("acmeMachine: 7 is not a string", assertThrows(IllegalArgumentException.class,
                () -> RollbackPointsInputs.of(Map.of("acmeMachine", 7L, "checkpoints", List.of("a")), Kinds.THREE_CLOUDS)).getMessage());
    }

    private static String refusal(Map<String, ?> inputs) {
        return assertThrows(IllegalArgumentException.class,
                () -> RollbackPoints.plan("x", RollbackPointsInputs.of(inputs, Kinds.TWO_CLOUDS))).getMessage();
    }
}

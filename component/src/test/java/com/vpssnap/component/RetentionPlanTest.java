package com.vpssnap.component;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPlanTest {
    private static final ServerRef LOCAWEB = new ServerRef(Kinds.LOCAWEB, "cpro0299");
    private static final ServerRef VPSORG = new ServerRef(Kinds.VPSORG, 12345L);

    @Test
    void keepsTheNewestCheckpoints() {
        RetentionPlan plan = RetentionPlan.of(LOCAWEB, List.of("a", "b", "c", "d"), 2, null);
        assertEquals(List.of("c", "d"), plan.retained());
        assertEquals("d", plan.latest());
    }

    @Test
    void onlyTheRollbackTargetGetsATrigger() {
        RetentionPlan plan = RetentionPlan.of(VPSORG, List.of("a", "b", "c"), 3, "b");
        assertEquals("", plan.revertTriggerOf("a"));
        assertEquals("b", plan.revertTriggerOf("b"));
        assertEquals("", plan.revertTriggerOf("c"));
        assertEquals("", RetentionPlan.of(VPSORG, List.of("a"), 1, "").revertTriggerOf("a"));
    }

    @Test
    void refusesKeepBeyondTheVpsorgLimit() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RetentionPlan.of(VPSORG, List.of("a"), 6, null));
        assertTrue(error.getMessage().startsWith("keep: 6 is not allowed for VPS.org server 12345; allowed: 1 to 5"),
                error.getMessage());
        assertEquals(List.of("a"), RetentionPlan.of(LOCAWEB, List.of("a"), 50, null).retained());
        assertThrows(IllegalArgumentException.class, () -> RetentionPlan.of(LOCAWEB, List.of("a"), 0, null));
    }

    @Test
    void aThirdCloudsLimitIsItsOwn() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RetentionPlan.of(new ServerRef(Kinds.ACME, "m1"), List.of("a"), 3, null));
        assertEquals("keep: 3 is not allowed for Acme server m1; allowed: 1 to 2 (Acme keeps at most 2 snapshots per server)",
                error.getMessage());
    }

    @Test
    void refusesARollbackToACheckpointNoLongerRetained() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RetentionPlan.of(LOCAWEB, List.of("a", "b", "c"), 2, "a"));
        assertEquals("rollbackTo: \"a\" is not a retained checkpoint; allowed: one of [b, c]", error.getMessage());
    }

    @Test
    void refusesEmptyAndRepeatedLabels() {
        assertThrows(IllegalArgumentException.class, () -> RetentionPlan.of(LOCAWEB, List.of(), 1, null));
        assertThrows(IllegalArgumentException.class, () -> RetentionPlan.of(LOCAWEB, List.of("a", " "), 1, null));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> RetentionPlan.of(LOCAWEB, List.of("a", "b", "a"), 3, null));
        assertTrue(twice.getMessage().contains("\"a\" appears twice"), twice.getMessage());
    }
}

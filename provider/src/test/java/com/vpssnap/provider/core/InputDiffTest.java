package com.vpssnap.provider.core;

import com.vpssnap.provider.core.locaweb.LocawebSpecs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputDiffTest {
    private static final Props STATE = Props.of(Map.of("server", "cpro0299", "name", "before", "revertTrigger", "r1",
            "snapshotId", 7L, "status", "done"));

    private static Props inputs(Map<String, ?> changes) {
        Props.Builder b = Props.builder().put("server", "cpro0299").put("name", "before").put("revertTrigger", "r1");
        changes.forEach(b::put);
        return b.build();
    }

    @Test
    void outputsInStateAreNotChanges() {
        DiffResult diff = InputDiff.compare(LocawebSpecs.SNAPSHOT, STATE, inputs(Map.of()));
        assertFalse(diff.hasChanges(), diff.toString());
    }

    @Test
    void theTriggerUpdatesInPlaceAndEveryOtherInputReplaces() {
        DiffResult trigger = InputDiff.compare(LocawebSpecs.SNAPSHOT, STATE, inputs(Map.of("revertTrigger", "r2")));
        assertEquals(new DiffResult(List.of("revertTrigger"), List.of()), trigger);
        DiffResult renamed = InputDiff.compare(LocawebSpecs.SNAPSHOT, STATE, inputs(Map.of("name", "after", "description", "d")));
        assertEquals(new DiffResult(List.of("name", "description"), List.of("name", "description")), renamed);
    }

    @Test
    void onlyANewNonEmptyTriggerReverts() {
        assertTrue(InputDiff.revertRequested(STATE, inputs(Map.of("revertTrigger", "r2")), "revertTrigger"));
        assertFalse(InputDiff.revertRequested(STATE, inputs(Map.of("revertTrigger", "r1")), "revertTrigger"));
        assertFalse(InputDiff.revertRequested(STATE, inputs(Map.of("revertTrigger", "")), "revertTrigger"));
        Props removed = Props.of(Map.of("server", "cpro0299", "name", "before"));
        assertFalse(InputDiff.revertRequested(STATE, removed, "revertTrigger"), "removing the trigger only forgets it");
    }
}

package com.vpssnap.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rollback points for one server on any cloud that offers them (ServerKind): one snapshot per retained checkpoint, older
 * ones deleted by the ordinary diff (their resources are simply no longer asked for), and
 * {@code rollbackTo} reverting the server in place through that snapshot's revert trigger.
 *
 * <p>This is the decision only: the plugin's Construct registers what {@link #checkpoints()}
 * lists as children of the component, in every Pulumi language alike.
 */
public final class RollbackPoints {
    public static final String TYPE = "vpssnap:index:RollbackPoints";

    private final List<Checkpoint> checkpoints;
    private final String latest;

    private RollbackPoints(List<Checkpoint> checkpoints, String latest) {
        this.checkpoints = checkpoints;
        this.latest = latest;
    }

    /**
     * @throws IllegalArgumentException naming the input, its value and what is allowed; thrown
     *                                  before anything is registered
     */
    public static RollbackPoints plan(String componentName, RollbackPointsInputs inputs) {
        RetentionPlan plan = RetentionPlan.of(inputs.server(), inputs.checkpoints(), inputs.keep(), inputs.rollbackTo());
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (String label : plan.retained()) {
            Map<String, Object> snapshot = new LinkedHashMap<>(inputs.server().serverInputs());
            snapshot.put("name", label);
            snapshot.put("description", "Rollback point " + label);
            snapshot.put("revertTrigger", plan.revertTriggerOf(label));
            checkpoints.add(new Checkpoint(label, componentName + "-" + label, inputs.server().snapshotType(),
                    Map.copyOf(snapshot)));
        }
        return new RollbackPoints(List.copyOf(checkpoints), plan.latest());
    }

    /** The retained checkpoints, oldest first. */
    public List<Checkpoint> checkpoints() {
        return checkpoints;
    }

    /** The newest checkpoint's label. */
    public String latest() {
        return latest;
    }
}

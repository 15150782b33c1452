package com.vpssnap.component;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rollback points for one server on either cloud: one snapshot per retained checkpoint, older
 * ones deleted by the ordinary diff, and {@code rollbackTo} reverting the server in place.
 *
 * <pre>{@code
 * var points = new RollbackPoints("web", RollbackPointsArgs.builder()
 *         .locawebServer("cpro0299")
 *         .checkpoints(List.of("before-nginx-1.26", "before-php-8.3"))
 *         .keep(2)
 *         .build());
 * }</pre>
 */
public final class RollbackPoints extends ComponentResource {
    public static final String TYPE = "vpssnap:index:RollbackPoints";

    /** Snapshot ids by checkpoint label, for the retained checkpoints. */
    private final Output<Map<String, String>> snapshotIds;

    /** The newest checkpoint's label. */
    private final Output<String> latest;

    public RollbackPoints(String name, RollbackPointsArgs args) {
        this(name, args, null);
    }

    public RollbackPoints(String name, RollbackPointsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        RetentionPlan plan = RetentionPlan.of(args.server(), args.checkpoints(), args.keep(), args.rollbackTo());
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        Map<String, Output<String>> ids = new LinkedHashMap<>();
        for (String label : plan.retained()) {
            // The child's name holds the label, so a checkpoint keeps its snapshot across updates.
            String childName = name + "-" + label;
            ids.put(label, CheckpointSnapshot.create(childName, args.server(), label, plan.revertTriggerOf(label), child));
        }
        this.snapshotIds = Output.all(new java.util.ArrayList<>(ids.values())).applyValue(values -> {
            Map<String, String> byLabel = new LinkedHashMap<>();
            int i = 0;
            for (String label : ids.keySet()) {
                byLabel.put(label, values.get(i++));
            }
            return byLabel;
        });
        this.latest = Output.of(plan.latest());
        registerOutputs(Map.of("snapshotIds", snapshotIds, "latest", latest));
    }

    public Output<Map<String, String>> snapshotIds() {
        return snapshotIds;
    }

    public Output<String> latest() {
        return latest;
    }
}

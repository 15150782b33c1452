package com.vpssnap.component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which checkpoints keep a snapshot and which one is rolled back to. Pure logic, so that
 * every rule is checked before a single resource is registered.
 */
public final class RetentionPlan {
    private final List<String> retained;
    private final Optional<String> rollbackTo;

    private RetentionPlan(List<String> retained, Optional<String> rollbackTo) {
        this.retained = retained;
        this.rollbackTo = rollbackTo;
    }

    /**
     * @throws IllegalArgumentException naming the input, its value and what is allowed
     */
    public static RetentionPlan of(ServerRef server, List<String> checkpoints, int keep, String rollbackTo) {
        if (checkpoints == null || checkpoints.isEmpty()) {
            throw new IllegalArgumentException("checkpoints: empty; give at least one label, the newest last");
        }
        Set<String> seen = new HashSet<>();
        for (String label : checkpoints) {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("checkpoints: " + checkpoints + " has an empty label");
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException("checkpoints: label \"" + label
                        + "\" appears twice; each checkpoint needs its own label");
            }
        }
        if (keep < 1 || keep > server.snapshotLimit()) {
            String allowed = !server.kind().limited() ? "1 or more" : "1 to " + server.snapshotLimit()
                    + " (" + server.kind().cloud() + " keeps at most " + server.snapshotLimit() + " snapshots per server)";
            throw new IllegalArgumentException("keep: " + keep + " is not allowed for " + server + "; allowed: " + allowed);
        }
        List<String> retained = new ArrayList<>(checkpoints.subList(Math.max(0, checkpoints.size() - keep), checkpoints.size()));
        Optional<String> target = Optional.ofNullable(rollbackTo).filter(label -> !label.isEmpty());
        if (target.isPresent() && !retained.contains(target.get())) {
            throw new IllegalArgumentException("rollbackTo: \"" + target.get() + "\" is not a retained checkpoint; "
                    + "allowed: one of " + retained);
        }
        return new RetentionPlan(List.copyOf(retained), target);
    }

    /** The labels that keep a snapshot, oldest first. */
    public List<String> retained() {
        return retained;
    }

    public String latest() {
        return retained.get(retained.size() - 1);
    }

    /**
     * The revert trigger of a checkpoint's snapshot: the label while it is the rollback target,
     * empty otherwise. Empty never reverts, so only setting rollbackTo performs a revert, and
     * setting it again after clearing it reverts again.
     */
    public String revertTriggerOf(String label) {
        return rollbackTo.filter(label::equals).orElse("");
    }
}

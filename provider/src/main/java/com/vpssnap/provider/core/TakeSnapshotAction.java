package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.ActionSpec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static com.vpssnap.provider.core.SnapshotInputs.DESCRIPTION;
import static com.vpssnap.provider.core.SnapshotInputs.NAME;

/**
 * Takes a snapshot and waits until it is ready; with {@code keep}, then deletes the oldest
 * snapshots of the same name that this action made on that server beyond {@code keep}. The
 * snapshots it made are those whose description starts with {@link #MARKER}, which it always
 * writes; a snapshot without the marker is never deleted. The name scopes {@code keep}, so that a
 * "pre-deploy" action's retention never deletes a "final" snapshot taken before a destroy
 * (docs/guides/terraform.md, "Final snapshot before destroy"). The create is the resource's own,
 * so a lost answer is followed, not sent twice.
 */
public final class TakeSnapshotAction extends ResourceAction {
    /** Starts the description of every snapshot the action makes: how it knows its own. */
    public static final String MARKER = "[vpssnap action]";
    public static final String KEEP = "keep";

    private final long keepMax;
    private final int descriptionMax;

    /**
     * @param keepMax the most snapshots the server can keep with the new one among them
     * @param descriptionMax the cloud's limit on a description, marker included
     */
    public TakeSnapshotAction(ActionSpec spec, SnapshotResource resource, long keepMax, int descriptionMax) {
        super(spec, resource);
        this.keepMax = keepMax;
        this.descriptionMax = descriptionMax;
    }

    @Override
    protected void checkValues(Props config, List<ValidationFailure> failures) {
        failures.addAll(resource.check(snapshotInputs(config)).failures().stream()
                .filter(f -> !f.property().equals(DESCRIPTION)).toList());
        String description = config.string(DESCRIPTION);
        int room = descriptionMax - MARKER.length() - 1;
        if (description != null && description.length() > room) {
            failures.add(new ValidationFailure(DESCRIPTION, "is " + description.length() + " characters long; the maximum "
                    + "is " + room + ": the cloud's " + descriptionMax + ", less the marker \"" + MARKER
                    + " \" that tells the snapshots this action made"));
        }
        Long keep = config.integer(KEEP);
        if (keep != null && (keep < 1 || keep > keepMax)) {
            failures.add(new ValidationFailure(KEEP, keep + " is not allowed: " + (keepMax == Long.MAX_VALUE
                    ? "it must be 1 or more"
                    : "it must be 1 to " + keepMax + ", since a server holds at most " + (keepMax + 1)
                    + " snapshots and the new one comes first")));
        }
    }

    @Override
    protected void run(Props config, Operation operation) {
        Created created = resource.create(snapshotInputs(config), operation);
        operation.progress().onProgress(created.id(), "snapshot ready", Duration.ZERO);
        Long keep = config.integer(KEEP);
        if (keep == null) {
            return;
        }
        String name = config.string(NAME);
        List<ReadResult> ours = resource.list(query(config), operation).stream()
                .filter(s -> Objects.requireNonNullElse(s.inputs().string(DESCRIPTION), "").startsWith(MARKER))
                .filter(s -> name.equals(s.inputs().string(NAME))).toList();
        for (ReadResult old : ours.subList(0, Math.max(0, ours.size() - keep.intValue()))) {
            operation.progress().onProgress(old.id(), "deleting: older than the " + keep + " kept", Duration.ZERO);
            resource.delete(old.id(), old.state(), operation);
        }
    }

    /** The resource's inputs: the server, the name, and the description behind the marker. */
    private Props snapshotInputs(Props config) {
        Props.Builder inputs = Props.builder();
        resource.spec().inputs().forEach(p -> inputs.put(p.name(), config.get(p.name())));
        String description = config.string(DESCRIPTION);
        return inputs.put(DESCRIPTION, description == null || description.isEmpty() ? MARKER : MARKER + " " + description).build();
    }

    private Props query(Props config) {
        Props.Builder query = Props.builder();
        serverInputs().forEach(p -> query.put(p.name(), config.get(p.name())));
        return query.build();
    }
}

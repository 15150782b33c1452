package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.core.ServerSnapshotsFunction;
import com.vpssnap.provider.core.SnapshotInputs;
import com.vpssnap.provider.core.TakeSnapshotAction;
import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.ObjectSpec;
import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.PropertyType;
import com.vpssnap.provider.core.spec.ReplacementOrder;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.core.spec.Timeouts;

import java.util.List;

import static com.vpssnap.provider.core.spec.PropertySpec.optionalInput;
import static com.vpssnap.provider.core.spec.PropertySpec.output;
import static com.vpssnap.provider.core.spec.PropertySpec.requiredInput;

/** The Locaweb Cloud resource and function, described once for every front door. */
public final class LocawebSpecs {
    public static final String SERVER = "server";
    public static final String NAME = SnapshotInputs.NAME;
    public static final String DESCRIPTION = SnapshotInputs.DESCRIPTION;
    public static final String REVERT_TRIGGER = SnapshotInputs.REVERT_TRIGGER;
    public static final String SNAPSHOT_ID = "snapshotId";
    public static final String UUID = "uuid";
    public static final String TAKEN_AT = "takenAt";
    public static final String STATUS = "status";
    public static final String SNAPSHOTS = ServerSnapshotsFunction.SNAPSHOTS;

    static final int NAME_MAX = 255;
    static final int DESCRIPTION_MAX = 1000;
    static final int SERVER_MAX = 64;

    private static final PropertySpec SNAPSHOT_ID_OUT = output(SNAPSHOT_ID, PropertyType.INTEGER,
            "The snapshot's numeric id on Locaweb Cloud.").alwaysSet();
    private static final PropertySpec UUID_OUT = output(UUID, PropertyType.STRING,
            "The unique identifier Locaweb generated when the snapshot was taken.").alwaysSet();
    private static final PropertySpec TAKEN_AT_OUT = output(TAKEN_AT, PropertyType.STRING,
            "When the snapshot was taken, ISO-8601 with the offset Locaweb reports (e.g. `2015-02-20T03:00:29-02:00`).").alwaysSet();
    private static final PropertySpec STATUS_OUT = output(STATUS, PropertyType.STRING,
            "The snapshot's status: `creating`, `done`, `reverting`, `waiting_deletion`, `removing` or `error`. "
                    + "A resource in state is normally `done`.").alwaysSet();

    /** What names a Locaweb snapshot for good: its server and its numeric id (Terraform's resource identity). */
    public static final List<PropertySpec> IDENTITY = List.of(
            requiredInput(SERVER, PropertyType.STRING, "The name of the Locaweb Cloud server (e.g. `cpro0299`).").example("cpro0299"),
            requiredInput(SnapshotInputs.IDENTITY_ID, PropertyType.INTEGER, "The snapshot's numeric id on Locaweb Cloud (e.g. `2695`).")
                    .example(2695));

    /** What a listing of Locaweb snapshots takes (Terraform's list resource). */
    public static final List<PropertySpec> LIST_QUERY = List.of(
            requiredInput(SERVER, PropertyType.STRING, "The Locaweb Cloud server whose snapshots are listed (e.g. `cpro0299`).")
                    .example("cpro0299"),
            optionalInput(SnapshotInputs.NAME_PREFIX, PropertyType.STRING,
                    "Only the snapshots whose name starts with this (e.g. `before-`).").example("before-"));

    public static final ResourceSpec SNAPSHOT = new ResourceSpec(
            "vpssnap:locaweb:Snapshot",
            "vpssnap_locaweb_snapshot",
            "A snapshot of a Locaweb Cloud server: a rollback point taken before a risky change. "
                    + "Changing `revertTrigger` reverts the server to this snapshot in place; changing any other "
                    + "input replaces the snapshot (Locaweb cannot update one). Pulumi creates the new snapshot "
                    + "before it deletes the old one; Terraform and OpenTofu delete the old one first unless the "
                    + "resource sets `lifecycle { create_before_destroy = true }`.",
            "SERVER/SNAPSHOT_ID, e.g. cpro0299/2695",
            List.of(
                    requiredInput(SERVER, PropertyType.STRING,
                            "The name of the Locaweb Cloud server to snapshot, as the panel shows it (e.g. `cpro0299`). "
                                    + "Letters, digits, `.`, `_` and `-`, up to " + SERVER_MAX + " characters. Changing it replaces the snapshot.")
                            .replacing().example("cpro0299"),
                    requiredInput(NAME, PropertyType.STRING,
                            "The snapshot's name, 1 to " + NAME_MAX + " characters. Changing it replaces the snapshot.")
                            .replacing().example("before-upgrade"),
                    optionalInput(DESCRIPTION, PropertyType.STRING,
                            "A free-text description, up to " + DESCRIPTION_MAX + " characters. Changing it replaces the snapshot.")
                            .replacing().example("Taken before the nginx upgrade"),
                    optionalInput(REVERT_TRIGGER, PropertyType.STRING,
                            "Any string. When it changes to a new non-empty value after creation, the server is reverted "
                                    + "to this snapshot (a Locaweb `revert` action), in place. Setting it at creation or "
                                    + "removing it reverts nothing. Use a label or a timestamp, e.g. `rollback-2026-11-24`."),
                    SNAPSHOT_ID_OUT, UUID_OUT, TAKEN_AT_OUT, STATUS_OUT),
            Timeouts.SNAPSHOT,
            new ReplacementOrder(true, "the new snapshot exists before the old one is deleted"), IDENTITY, LIST_QUERY);

    public static final ActionSpec TAKE_SNAPSHOT = new ActionSpec("vpssnap_locaweb_take_snapshot",
            "Takes a snapshot of a Locaweb Cloud server now and waits until it is `done`, without a resource in state: "
                    + "a rollback point for one deploy. With `keep`, it then deletes the oldest snapshots of the same name "
                    + "that this action made on that server beyond `keep`; it knows them by the description it always writes, which starts with `"
                    + TakeSnapshotAction.MARKER + "`. A snapshot it did not make is never deleted.",
            List.of(requiredInput(SERVER, PropertyType.STRING, "The Locaweb Cloud server to snapshot (e.g. `cpro0299`).").example("cpro0299"),
                    requiredInput(NAME, PropertyType.STRING, "The snapshot's name, 1 to " + NAME_MAX + " characters.").example("pre-deploy"),
                    optionalInput(DESCRIPTION, PropertyType.STRING, "Written after the marker `" + TakeSnapshotAction.MARKER
                            + "`, up to " + (DESCRIPTION_MAX - TakeSnapshotAction.MARKER.length() - 1) + " characters.")
                            .example("Taken before release 42"),
                    optionalInput(TakeSnapshotAction.KEEP, PropertyType.INTEGER, "How many of this action's snapshots "
                            + "of this name to keep on the server, the new one included; 1 or more. Leave it out to delete none.").example(2)));

    public static final ActionSpec REVERT = new ActionSpec("vpssnap_locaweb_revert",
            "Reverts a Locaweb Cloud server to one of its snapshots now (a Locaweb `revert` action) and waits until it is "
                    + "done. A lost answer is followed, not sent twice. The snapshot is not in state and is left as it is.",
            List.of(requiredInput(SERVER, PropertyType.STRING, "The Locaweb Cloud server to revert (e.g. `cpro0299`).").example("cpro0299"),
                    requiredInput(SNAPSHOT_ID, PropertyType.INTEGER, "The id of one of that server's snapshots (e.g. `2695`).")
                            .example(2695)));

    public static final ObjectSpec SNAPSHOT_INFO = new ObjectSpec("vpssnap:locaweb:SnapshotInfo",
            "One snapshot of a Locaweb Cloud server, as the API lists it.",
            List.of(
                    output(SNAPSHOT_ID, PropertyType.INTEGER, "The snapshot's numeric id.").alwaysSet(),
                    output(NAME, PropertyType.STRING, "The snapshot's name.").alwaysSet(),
                    output(DESCRIPTION, PropertyType.STRING, "The description, empty when there is none."),
                    UUID_OUT, TAKEN_AT_OUT, STATUS_OUT));

    public static final FunctionSpec GET_SNAPSHOTS = new FunctionSpec(
            "vpssnap:locaweb:getSnapshots",
            "vpssnap_locaweb_snapshots",
            "Lists every snapshot of one Locaweb Cloud server, whoever created it, oldest first.",
            List.of(requiredInput(SERVER, PropertyType.STRING, "The name of the Locaweb Cloud server (e.g. `cpro0299`).")
                    .example("cpro0299")),
            List.of(output(SNAPSHOTS, new PropertyType.ListOfObjects(SNAPSHOT_INFO), "The server's snapshots, oldest first.").alwaysSet()));

    private LocawebSpecs() {
    }
}

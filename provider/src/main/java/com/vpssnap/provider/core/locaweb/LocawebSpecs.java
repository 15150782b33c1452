package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.core.SnapshotInputs;
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
    public static final String SNAPSHOTS = "snapshots";

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
            new ReplacementOrder(true, "the new snapshot exists before the old one is deleted"));

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

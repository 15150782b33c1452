package com.vpssnap.provider.core.vpsorg;

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

/** The VPS.org resource and function, described once for every front door. */
public final class VpsorgSpecs {
    public static final String SERVER_ID = "serverId";
    public static final String NAME = SnapshotInputs.NAME;
    public static final String DESCRIPTION = SnapshotInputs.DESCRIPTION;
    public static final String REVERT_TRIGGER = SnapshotInputs.REVERT_TRIGGER;
    public static final String SNAPSHOT_ID = "snapshotId";
    public static final String SERVER_NAME = "serverName";
    public static final String STATUS = "status";
    public static final String SIZE_MB = "sizeMb";
    public static final String CREATED_AT = "createdAt";
    public static final String SNAPSHOTS = ServerSnapshotsFunction.SNAPSHOTS;

    public static final int SNAPSHOTS_PER_SERVER = 5;
    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 255;

    private static final PropertySpec SERVER_NAME_OUT = output(SERVER_NAME, PropertyType.STRING,
            "The server's name, as VPS.org reports it (e.g. `web-server-01`).").alwaysSet();
    private static final PropertySpec STATUS_OUT = output(STATUS, PropertyType.STRING,
            "The snapshot's status: `in_progress`, `completed` or `failed`. A resource in state is normally `completed`.").alwaysSet();
    private static final PropertySpec SIZE_OUT = output(SIZE_MB, PropertyType.INTEGER,
            "The snapshot's size in MB, known once it is `completed`.");
    private static final PropertySpec CREATED_AT_OUT = output(CREATED_AT, PropertyType.STRING,
            "When the snapshot was created, UTC, ISO-8601 (e.g. `2025-01-15T18:30:00Z`).").alwaysSet();

    /** What names a VPS.org snapshot for good: its server and its numeric id (Terraform's resource identity). */
    public static final List<PropertySpec> IDENTITY = List.of(
            requiredInput(SERVER_ID, PropertyType.INTEGER, "The numeric id of the VPS.org server (e.g. `12345`).").example(12345),
            requiredInput(SnapshotInputs.IDENTITY_ID, PropertyType.INTEGER, "The snapshot's numeric id on VPS.org (e.g. `801`).")
                    .example(801));

    /** What a listing of VPS.org snapshots takes (Terraform's list resource). */
    public static final List<PropertySpec> LIST_QUERY = List.of(
            requiredInput(SERVER_ID, PropertyType.INTEGER, "The numeric id of the VPS.org server whose snapshots are listed (e.g. `12345`).")
                    .example(12345),
            optionalInput(SnapshotInputs.NAME_PREFIX, PropertyType.STRING,
                    "Only the snapshots whose name starts with this (e.g. `before-`).").example("before-"));

    public static final ResourceSpec SNAPSHOT = new ResourceSpec(
            "vpssnap:vpsorg:Snapshot",
            "vpssnap_vpsorg_snapshot",
            "A snapshot of a VPS.org server: a rollback point taken before a risky change. Changing "
                    + "`revertTrigger` restores the server from this snapshot in place; changing any other input "
                    + "replaces the snapshot (VPS.org cannot update one). VPS.org keeps at most "
                    + SNAPSHOTS_PER_SERVER + " snapshots per server. Pulumi creates a replacement before it deletes "
                    + "the old snapshot, unless the server already has " + SNAPSHOTS_PER_SERVER
                    + ", in which case it deletes the old one first; Terraform and OpenTofu delete the old one first "
                    + "unless the resource sets `lifecycle { create_before_destroy = true }`, which fails on a server "
                    + "that already has " + SNAPSHOTS_PER_SERVER + ".",
            "SNAPSHOT_ID, e.g. 801",
            List.of(
                    requiredInput(SERVER_ID, PropertyType.INTEGER,
                            "The numeric id of the VPS.org server to snapshot (e.g. `12345`). Changing it replaces the snapshot.")
                            .replacing().example(12345),
                    requiredInput(NAME, PropertyType.STRING,
                            "The snapshot's name: letters, digits, `-` and `_`, 1 to " + NAME_MAX
                                    + " characters. Changing it replaces the snapshot.")
                            .replacing().example("before-upgrade"),
                    optionalInput(DESCRIPTION, PropertyType.STRING,
                            "A free-text description, up to " + DESCRIPTION_MAX + " characters. Changing it replaces the snapshot.")
                            .replacing().example("Taken before the nginx upgrade"),
                    optionalInput(REVERT_TRIGGER, PropertyType.STRING,
                            "Any string. When it changes to a new non-empty value after creation, the server is restored "
                                    + "from this snapshot (VPS.org stops the server and overwrites its disk), in place. "
                                    + "Setting it at creation or removing it restores nothing."),
                    output(SNAPSHOT_ID, PropertyType.INTEGER, "The snapshot's numeric id on VPS.org.").alwaysSet(),
                    SERVER_NAME_OUT, STATUS_OUT, SIZE_OUT, CREATED_AT_OUT),
            Timeouts.SNAPSHOT,
            new ReplacementOrder(false, "No create_before_destroy: VPS.org keeps at most " + SNAPSHOTS_PER_SERVER
                    + " snapshots per server, and on a full one the new snapshot cannot be made before the old one is deleted"), IDENTITY, LIST_QUERY);

    public static final ActionSpec TAKE_SNAPSHOT = new ActionSpec("vpssnap_vpsorg_take_snapshot",
            "Takes a snapshot of a VPS.org server now and waits until it is `completed`, without a resource in state: "
                    + "a rollback point for one deploy. With `keep`, it then deletes the oldest snapshots of the same name "
                    + "that this action made on that server beyond `keep`; it knows them by the description it always writes, which starts with `"
                    + TakeSnapshotAction.MARKER + "`. A snapshot it did not make is never deleted. VPS.org keeps at most "
                    + SNAPSHOTS_PER_SERVER + " snapshots per server, so on a full server the take fails with VPS.org's own message.",
            List.of(requiredInput(SERVER_ID, PropertyType.INTEGER, "The numeric id of the VPS.org server to snapshot (e.g. `12345`).")
                            .example(12345),
                    requiredInput(NAME, PropertyType.STRING, "The snapshot's name: letters, digits, `-` and `_`, 1 to "
                            + NAME_MAX + " characters.").example("pre-deploy"),
                    optionalInput(DESCRIPTION, PropertyType.STRING, "Written after the marker `" + TakeSnapshotAction.MARKER
                            + "`, up to " + (DESCRIPTION_MAX - TakeSnapshotAction.MARKER.length() - 1) + " characters.")
                            .example("Taken before release 42"),
                    optionalInput(TakeSnapshotAction.KEEP, PropertyType.INTEGER, "How many of this action's snapshots "
                            + "of this name to keep on the server, the new one included: 1 to " + (SNAPSHOTS_PER_SERVER - 1)
                            + ". Leave it out to delete none.").example(2)));

    public static final ActionSpec RESTORE = new ActionSpec("vpssnap_vpsorg_restore",
            "Restores a VPS.org server from one of its snapshots now (VPS.org stops the server and overwrites its disk) and "
                    + "waits until it is done. A lost answer is followed, not sent twice. The snapshot is left as it is.",
            List.of(requiredInput(SERVER_ID, PropertyType.INTEGER, "The numeric id of the VPS.org server to restore (e.g. `12345`).")
                            .example(12345),
                    requiredInput(SNAPSHOT_ID, PropertyType.INTEGER, "The id of one of that server's snapshots (e.g. `801`).")
                            .example(801)));

    public static final ObjectSpec SNAPSHOT_INFO = new ObjectSpec("vpssnap:vpsorg:SnapshotInfo",
            "One VPS.org snapshot, as the API lists it.",
            List.of(
                    output(SNAPSHOT_ID, PropertyType.INTEGER, "The snapshot's numeric id.").alwaysSet(),
                    output(SERVER_ID, PropertyType.INTEGER, "The id of the server it belongs to.").alwaysSet(),
                    SERVER_NAME_OUT,
                    output(NAME, PropertyType.STRING, "The snapshot's name.").alwaysSet(),
                    output(DESCRIPTION, PropertyType.STRING, "The description, empty when there is none."),
                    STATUS_OUT, SIZE_OUT, CREATED_AT_OUT));

    public static final FunctionSpec GET_SNAPSHOTS = new FunctionSpec(
            "vpssnap:vpsorg:getSnapshots",
            "vpssnap_vpsorg_snapshots",
            "Lists VPS.org snapshots, of one server or of every server the token can see, oldest first.",
            List.of(optionalInput(SERVER_ID, PropertyType.INTEGER,
                    "Only the snapshots of this server. Leave it out to list every server's snapshots.").example(12345)),
            List.of(output(SNAPSHOTS, new PropertyType.ListOfObjects(SNAPSHOT_INFO), "The snapshots, oldest first.").alwaysSet()));

    private VpsorgSpecs() {
    }
}

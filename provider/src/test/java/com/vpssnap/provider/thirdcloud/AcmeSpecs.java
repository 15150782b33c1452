package com.vpssnap.provider.thirdcloud;

import com.vpssnap.provider.core.ServerSnapshotsFunction;
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

/** Acme's resource and function, described once for every front door. */
final class AcmeSpecs {
    static final String MACHINE = "machine";
    static final String NAME = SnapshotInputs.NAME;
    static final String DESCRIPTION = SnapshotInputs.DESCRIPTION;
    static final String SNAPSHOT_ID = SnapshotInputs.SNAPSHOT_ID;
    static final String STATE = "state";
    static final String CREATED = "created";
    static final int LIMIT = 2;

    private static PropertySpec machine(String description) {
        return requiredInput(MACHINE, PropertyType.STRING, description).example("m1");
    }

    static final ResourceSpec SNAPSHOT = new ResourceSpec("vpssnap:acme:Snapshot", "vpssnap_acme_snapshot",
            "A snapshot of an Acme machine. Changing `revertTrigger` rolls the machine back to it in place.",
            "MACHINE/SNAPSHOT_ID, e.g. m1/1",
            List.of(machine("The Acme machine to snapshot (e.g. `m1`). Changing it replaces the snapshot.").replacing(),
                    requiredInput(NAME, PropertyType.STRING, "The snapshot's label. Changing it replaces the snapshot.")
                            .replacing().example("before-upgrade"),
                    optionalInput(DESCRIPTION, PropertyType.STRING, "A note. Changing it replaces the snapshot.")
                            .replacing().example("Taken before the upgrade"),
                    optionalInput(SnapshotInputs.REVERT_TRIGGER, PropertyType.STRING,
                            "Any string; a new non-empty value rolls the machine back to this snapshot, in place."),
                    output(SNAPSHOT_ID, PropertyType.INTEGER, "The snapshot's numeric id on Acme.").alwaysSet(),
                    output(STATE, PropertyType.STRING, "The snapshot's state: `ready`.").alwaysSet(),
                    output(CREATED, PropertyType.STRING, "When it was made, UTC, ISO-8601.").alwaysSet()),
            Timeouts.SNAPSHOT,
            new ReplacementOrder(false, "Acme keeps at most " + LIMIT + " snapshots per machine"),
            // No identity and no list query: Acme opts out of Terraform's resource identity (it is imported
            // by its id) and of its list resource (its getSnapshots still lists).
            List.of(), List.of());

    static final ObjectSpec SNAPSHOT_INFO = new ObjectSpec("vpssnap:acme:SnapshotInfo", "One Acme snapshot.",
            List.of(output(SNAPSHOT_ID, PropertyType.INTEGER, "Its id.").alwaysSet(),
                    output(NAME, PropertyType.STRING, "Its label.").alwaysSet(),
                    output(STATE, PropertyType.STRING, "Its state.").alwaysSet()));

    static final FunctionSpec GET_SNAPSHOTS = new FunctionSpec("vpssnap:acme:getSnapshots", "vpssnap_acme_snapshots",
            "Lists the snapshots of one Acme machine, oldest first.",
            List.of(machine("The Acme machine (e.g. `m1`).")),
            List.of(output(ServerSnapshotsFunction.SNAPSHOTS, new PropertyType.ListOfObjects(SNAPSHOT_INFO),
                    "The machine's snapshots, oldest first.").alwaysSet()));

    private AcmeSpecs() {
    }
}

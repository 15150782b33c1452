package com.vpssnap.provider.pulumi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vpssnap.component.RollbackPointsInputs;

/**
 * The schema of the RollbackPoints component: what every SDK's RollbackPoints class is generated
 * from. The engine hands its inputs to Construct (RollbackPointsConstruct), never to Check.
 */
final class ComponentSchema {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComponentSchema() {
    }

    static ObjectNode rollbackPoints() {
        ObjectNode node = JSON.createObjectNode();
        node.put("isComponent", true);
        node.put("description", "Rollback points for one server, on Locaweb Cloud or VPS.org: one snapshot per retained "
                + "checkpoint (the newest `keep` of `checkpoints`), older ones deleted, and `rollbackTo` reverting the "
                + "server in place to a retained checkpoint's snapshot. The snapshots are ordinary "
                + "`vpssnap:locaweb:Snapshot` / `vpssnap:vpsorg:Snapshot` resources, children of the component.\n\n"
                + "Append a label to `checkpoints` before each risky change; set `rollbackTo` to a retained label to "
                + "revert, and clear it afterwards (an empty `rollbackTo` never reverts).");
        ObjectNode inputs = node.putObject("inputProperties");
        inputs.set("locawebServer", plain("string", "The Locaweb server to protect, e.g. `cpro0299`. "
                + "Set this or `vpsorgServerId`, not both."));
        inputs.set("vpsorgServerId", plain("integer", "The VPS.org server to protect, e.g. `12345`. "
                + "Set this or `locawebServer`, not both."));
        ObjectNode checkpoints = plain("array", "One label per risky change, the newest last; each label is also "
                + "the snapshot's name.");
        checkpoints.putObject("items").put("type", "string").put("plain", true);
        inputs.set("checkpoints", checkpoints);
        inputs.set("keep", plain("integer", "How many of the newest checkpoints keep a snapshot. Default "
                + RollbackPointsInputs.DEFAULT_KEEP + "; at most 5 on VPS.org."));
        inputs.set("rollbackTo", plain("string", "A retained checkpoint's label to revert the server to, in place; "
                + "empty for none."));
        node.putArray("requiredInputs").add("checkpoints");
        ObjectNode outputs = node.putObject("properties");
        ObjectNode ids = JSON.createObjectNode();
        ids.put("type", "object");
        ids.putObject("additionalProperties").put("type", "string");
        ids.put("description", "The snapshot id of each retained checkpoint, by label.");
        outputs.set("snapshotIds", ids);
        ObjectNode latest = JSON.createObjectNode();
        latest.put("type", "string");
        latest.put("description", "The newest checkpoint's label.");
        outputs.set("latest", latest);
        node.putArray("required").add("snapshotIds").add("latest");
        return node;
    }

    /**
     * Inputs are plain values in every SDK: they decide which snapshot resources exist, so they
     * must be known when the component is registered.
     */
    private static ObjectNode plain(String type, String description) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", type);
        p.put("description", description);
        p.put("plain", true);
        return p;
    }
}

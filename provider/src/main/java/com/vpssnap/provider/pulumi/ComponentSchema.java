package com.vpssnap.provider.pulumi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vpssnap.component.RollbackPointsInputs;
import com.vpssnap.provider.core.ComponentServer;

import java.util.List;
import java.util.stream.Collectors;

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
        List<ComponentServer> servers = ComponentServers.all();
        node.put("description", "Rollback points for one server, on "
                + ComponentServers.either(ComponentServers.clouds().stream().map(c -> c.identity().title()).toList())
                + ": one snapshot per retained "
                + "checkpoint (the newest `keep` of `checkpoints`), older ones deleted, and `rollbackTo` reverting the "
                + "server in place to a retained checkpoint's snapshot. The snapshots are ordinary "
                + ComponentServers.codes(servers.stream().map(c -> c.snapshot().token()).toList(), " / ")
                + " resources, children of the component.\n\n"
                + "Append a label to `checkpoints` before each risky change; set `rollbackTo` to a retained label to "
                + "revert, and clear it afterwards (an empty `rollbackTo` never reverts).");
        ObjectNode inputs = node.putObject("inputProperties");
        for (ComponentServer server : servers) {
            List<String> others = servers.stream().filter(o -> o != server).map(ComponentServer::input).toList();
            String exclusive = others.size() == 1 ? "Set this or `" + others.get(0) + "`, not both."
                    : "Set exactly one of " + ComponentServers.codes(servers.stream().map(ComponentServer::input).toList(), ", ") + ".";
            inputs.set(server.input(), plain(server.numeric() ? "integer" : "string", "The " + server.cloud()
                    + " server to protect, e.g. `" + server.example() + "`. " + exclusive));
        }
        ObjectNode checkpoints = plain("array", "One label per risky change, the newest last; each label is also "
                + "the snapshot's name.");
        checkpoints.putObject("items").put("type", "string").put("plain", true);
        inputs.set("checkpoints", checkpoints);
        inputs.set("keep", plain("integer", "How many of the newest checkpoints keep a snapshot. Default "
                + RollbackPointsInputs.DEFAULT_KEEP + servers.stream().filter(c -> c.snapshotLimit() != ComponentServer.NO_LIMIT)
                .map(c -> "; at most " + c.snapshotLimit() + " on " + c.cloud()).collect(Collectors.joining()) + "."));
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

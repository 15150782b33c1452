package com.vpssnap.provider.core.spec;

import java.util.List;

/**
 * A resource as both front doors publish it.
 *
 * @param token Pulumi type token, e.g. {@code vpssnap:locaweb:Snapshot}
 * @param terraformType Terraform type name, e.g. {@code vpssnap_locaweb_snapshot}
 * @param importIdFormat how an id is written for import, for docs and errors
 * @param properties its inputs and outputs; the first input names the server the snapshot is of
 * @param timeouts each operation's default time limit
 * @param terraformReplacement what the HCL examples set in {@code lifecycle}, and why
 * @param identity what names one snapshot for good (Terraform's resource identity): the server input,
 *                 then the snapshot's numeric id; Pulumi keeps its import ids. Empty when the resource
 *                 offers no identity: it is then imported by its id string only
 * @param listQuery what a listing of the resource takes (Terraform's list resource): the server, then
 *                  an optional name prefix; empty when the resource offers no list resource. A listing
 *                  gives each snapshot's identity, so only a resource with an identity can offer one
 */
public record ResourceSpec(String token, String terraformType, String description,
                           String importIdFormat, List<PropertySpec> properties, Timeouts timeouts,
                           ReplacementOrder terraformReplacement, List<PropertySpec> identity,
                           List<PropertySpec> listQuery) {
    /** The input whose new value reverts the server to the snapshot (core.SnapshotInputs names it too). */
    public static final String REVERT_TRIGGER = "revertTrigger";

    public ResourceSpec {
        if (properties.stream().noneMatch(PropertySpec::input)) {
            throw new IllegalArgumentException(token + " has no input to name its server");
        }
        String server = properties.stream().filter(PropertySpec::input).findFirst().orElseThrow().name();
        if (!identity.isEmpty() && !identity.get(0).name().equals(server)) {
            throw new IllegalArgumentException(token + "'s identity must start with its server input " + server);
        }
        if (!listQuery.isEmpty() && (identity.isEmpty() || !listQuery.get(0).name().equals(server))) {
            throw new IllegalArgumentException(token + "'s list query must start with " + server
                    + ", and only a resource with an identity can be listed");
        }
    }

    /** The input that names the server the snapshot is of ({@code server}, {@code serverId}): the first. */
    public String serverInput() {
        return inputs().get(0).name();
    }

    /** Whether it has a resource identity (Terraform's import blocks and actions by identity): opt-in, by a non-empty {@code identity}. */
    public boolean identifiable() {
        return !identity.isEmpty();
    }

    /** Whether a new {@code revertTrigger} reverts the server to it: opt-in, by having that input. */
    public boolean revertible() {
        return inputs().stream().anyMatch(p -> p.name().equals(REVERT_TRIGGER));
    }


    /** Whether it is offered as a Terraform list resource: opt-in, by a non-empty {@code listQuery}. */
    public boolean listable() {
        return !listQuery.isEmpty();
    }

    public List<PropertySpec> inputs() {
        return properties.stream().filter(PropertySpec::input).toList();
    }

    /** What the provider fills in: unknown in a preview until the cloud answers. */
    public List<PropertySpec> outputs() {
        return properties.stream().filter(p -> !p.input()).toList();
    }
}

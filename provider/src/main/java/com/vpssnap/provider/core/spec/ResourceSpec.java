package com.vpssnap.provider.core.spec;

import java.util.List;

/**
 * A resource as both front doors publish it.
 *
 * @param token Pulumi type token, e.g. {@code vpssnap:locaweb:Snapshot}
 * @param terraformType Terraform type name, e.g. {@code vpssnap_locaweb_snapshot}
 * @param importIdFormat how an id is written for import, for docs and errors
 * @param timeouts each operation's default time limit
 * @param terraformReplacement what the HCL examples set in {@code lifecycle}, and why
 * @param identity what names one snapshot for good (Terraform's resource identity): the server input,
 *                 then the snapshot's numeric id; Pulumi keeps its import ids
 * @param listQuery what a listing of the resource takes (Terraform's list resource): the server, then
 *                  an optional name prefix; empty when the resource offers no list resource
 */
public record ResourceSpec(String token, String terraformType, String description,
                           String importIdFormat, List<PropertySpec> properties, Timeouts timeouts,
                           ReplacementOrder terraformReplacement, List<PropertySpec> identity,
                           List<PropertySpec> listQuery) {

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

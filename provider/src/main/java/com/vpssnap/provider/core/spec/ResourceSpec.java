package com.vpssnap.provider.core.spec;

import java.util.List;
import java.util.Optional;

/**
 * A resource as both front doors publish it.
 *
 * @param token Pulumi type token, e.g. {@code vpssnap:locaweb:Snapshot}
 * @param terraformType Terraform type name, e.g. {@code vpssnap_locaweb_snapshot}
 * @param importIdFormat how an id is written for import, for docs and errors
 */
public record ResourceSpec(String token, String terraformType, String description,
                           String importIdFormat, List<PropertySpec> properties) {

    public Optional<PropertySpec> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<PropertySpec> inputs() {
        return properties.stream().filter(PropertySpec::input).toList();
    }
}

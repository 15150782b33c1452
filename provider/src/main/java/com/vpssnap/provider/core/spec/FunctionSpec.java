package com.vpssnap.provider.core.spec;

import java.util.List;

/** A read-only query: a Pulumi function (invoke) and a Terraform data source. */
public record FunctionSpec(String token, String terraformType, String description,
                           List<PropertySpec> inputs, List<PropertySpec> outputs) {
}

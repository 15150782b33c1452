package com.vpssnap.provider.core.spec;

/**
 * One property of a resource, function or config block, described once for every front door.
 *
 * @param name canonical camelCase name (Pulumi spelling; Terraform uses {@link #terraformName()})
 * @param input set by the user
 * @param required an input that must be given, or an output that is always set
 * @param computed an output the provider fills in
 * @param replaceOnChange changing it replaces the resource (neither cloud can update a snapshot)
 * @param secret never shown in clear: tokens
 * @param example the value the generated examples give it; null leaves it out of them
 */
public record PropertySpec(String name, PropertyType type, String description,
                           boolean input, boolean required, boolean computed,
                           boolean replaceOnChange, boolean secret, Object example) {

    public static PropertySpec requiredInput(String name, PropertyType type, String description) {
        return new PropertySpec(name, type, description, true, true, false, false, false, null);
    }

    public static PropertySpec optionalInput(String name, PropertyType type, String description) {
        return new PropertySpec(name, type, description, true, false, false, false, false, null);
    }

    public static PropertySpec output(String name, PropertyType type, String description) {
        return new PropertySpec(name, type, description, false, false, true, false, false, null);
    }

    public PropertySpec replacing() {
        return new PropertySpec(name, type, description, input, required, computed, true, secret, example);
    }

    /** Marks an output as always set, so typed SDKs need not treat it as optional. */
    public PropertySpec alwaysSet() {
        return new PropertySpec(name, type, description, input, true, computed, replaceOnChange, secret, example);
    }

    /** The value the generated examples (docs, README) give this input. */
    public PropertySpec example(Object value) {
        return new PropertySpec(name, type, description, input, required, computed, replaceOnChange, secret, value);
    }

    /** snake_case spelling for Terraform: serverId → server_id. */
    public String terraformName() {
        return Names.snakeCase(name);
    }
}

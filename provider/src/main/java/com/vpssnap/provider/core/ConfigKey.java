package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.Names;

/**
 * One provider setting: Pulumi {@code vpssnap:<key>}, Terraform {@code <snake_key>}, or the
 * environment. Each cloud declares its own (see {@link CloudModule}); {@link Clouds} lists them all.
 *
 * @param key canonical (Pulumi) name, without the {@code vpssnap:} prefix
 * @param defaultValue used when neither the program nor the environment sets it; null for none
 * @param secret a token: marked secret and sensitive in every schema, never shown
 */
public record ConfigKey(String key, String environmentVariable, String defaultValue, boolean secret,
                        String description) {

    /** A cloud's base URL setting, with its public default. */
    public static ConfigKey endpoint(String key, String environmentVariable, String defaultValue, String apiName) {
        return new ConfigKey(key, environmentVariable, defaultValue, false, "Base URL of the " + apiName
                + ". Plain `http://` is accepted only for a loopback host, such as the vpssnap emulator.");
    }

    /** A cloud's API token: secret, with no default. */
    public static ConfigKey token(String key, String environmentVariable, String description) {
        return new ConfigKey(key, environmentVariable, null, true, description);
    }

    public String terraformName() {
        return Names.snakeCase(key);
    }
}

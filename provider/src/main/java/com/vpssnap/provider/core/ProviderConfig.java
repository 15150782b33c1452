package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.Endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider's settings after resolution: the value the front door was given, else the
 * environment variable, else the default. Tokens stay inside; toString() never shows them.
 */
public final class ProviderConfig {
    private final Map<ConfigKey, String> values;
    private final ConfigSpelling spelling;

    private ProviderConfig(Map<ConfigKey, String> values, ConfigSpelling spelling) {
        this.values = values;
        this.spelling = spelling;
    }

    public static ProviderConfig resolve(Map<ConfigKey, String> given, Map<String, String> environment,
                                         ConfigSpelling spelling) {
        Map<ConfigKey, String> resolved = new LinkedHashMap<>();
        for (ConfigKey key : Clouds.settings()) {
            String value = given.get(key);
            if (isBlank(value)) {
                value = environment.get(key.environmentVariable());
            }
            if (isBlank(value)) {
                value = key.defaultValue();
            }
            if (!isBlank(value)) {
                resolved.put(key, value.strip());
            }
        }
        return new ProviderConfig(resolved, spelling);
    }

    /** The value, or a clear error naming the setting and its variable when it is missing. */
    public String require(ConfigKey key, String neededFor) {
        String value = values.get(key);
        if (value == null) {
            throw new ProviderException(neededFor + " needs " + spelling.describe(key)
                    + ", or the environment variable " + key.environmentVariable() + "; neither is set");
        }
        return value;
    }

    public String get(ConfigKey key) {
        return values.get(key);
    }

    public ConfigSpelling spelling() {
        return spelling;
    }

    /** Endpoint problems found before any call is made, keyed by the setting. */
    public List<ValidationFailure> validateEndpoints() {
        List<ValidationFailure> failures = new ArrayList<>();
        for (CloudModule<?> cloud : Clouds.ALL) {
            ConfigKey key = cloud.endpointSetting();
            String url = values.get(key);
            try {
                Endpoint.parse(url, key.key());
            } catch (IllegalArgumentException e) {
                failures.add(new ValidationFailure(key.key(), e.getMessage()));
            }
        }
        return failures;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("ProviderConfig{");
        values.forEach((k, v) -> out.append(k.key()).append('=').append(k.secret() ? "****" : v).append(' '));
        return out.append('}').toString();
    }
}

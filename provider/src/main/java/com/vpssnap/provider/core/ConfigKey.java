package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.Names;

/** The provider's settings: Pulumi {@code vpssnap:<name>}, Terraform {@code <snake_name>}, or the environment. */
public enum ConfigKey {
    LOCAWEB_ENDPOINT("locawebEndpoint", "VPSSNAP_LOCAWEB_ENDPOINT", "https://api-servidores.locaweb.com.br/v1", false,
            "Base URL of the Locaweb Cloud API. Plain `http://` is accepted only for a loopback host, such as the vpssnap emulator."),
    LOCAWEB_TOKEN("locawebToken", "VPSSNAP_LOCAWEB_TOKEN", null, true,
            "API token for Locaweb Cloud, sent as the `X-Auth-Token` header. Needed only by Locaweb resources and functions."),
    VPSORG_ENDPOINT("vpsorgEndpoint", "VPSSNAP_VPSORG_ENDPOINT", "https://admin.vps.org/api/v1", false,
            "Base URL of the VPS.org API. Plain `http://` is accepted only for a loopback host, such as the vpssnap emulator."),
    VPSORG_TOKEN("vpsorgToken", "VPSSNAP_VPSORG_TOKEN", null, true,
            "API token for VPS.org, sent as `Authorization: Bearer`. Needed only by VPS.org resources and functions.");

    private final String key;
    private final String environmentVariable;
    private final String defaultValue;
    private final boolean secret;
    private final String description;

    ConfigKey(String key, String environmentVariable, String defaultValue, boolean secret, String description) {
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    /** Canonical (Pulumi) name, without the {@code vpssnap:} prefix. */
    public String key() {
        return key;
    }

    public String terraformName() {
        return Names.snakeCase(key);
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    public static ConfigKey byKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}

package com.vpssnap.provider.core;

/** How a front door names a setting in its messages, e.g. {@code vpssnap:locawebToken} or {@code locaweb_token}. */
@FunctionalInterface
public interface ConfigSpelling {
    String describe(ConfigKey key);

    ConfigSpelling PULUMI = key -> "the config key vpssnap:" + key.key()
            + (key.secret() ? " (pulumi config set --secret vpssnap:" + key.key() + " ...)" : "");
    ConfigSpelling TERRAFORM = key -> "the provider argument " + key.terraformName();
}

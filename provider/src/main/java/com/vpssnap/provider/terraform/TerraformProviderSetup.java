package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.Clouds;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.ProviderConfig;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ConfigureProvider;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ValidateProviderConfig;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.vpssnap.provider.terraform.DynamicValues.object;

/** The provider block: validated, then applied to the session's provider. */
final class TerraformProviderSetup {
    private final ConfiguredProvider provider;

    TerraformProviderSetup(ConfiguredProvider provider) {
        this.provider = provider;
    }

    ValidateProviderConfig.Response validate(ValidateProviderConfig.Request request) {
        ProviderConfig resolved = provider.resolve(given(object(request.getConfig(), TerraformSchema.providerType())));
        return ValidateProviderConfig.Response.newBuilder().addAllDiagnostics(Diagnostics.of(resolved.validateEndpoints())).build();
    }

    ConfigureProvider.Response configure(ConfigureProvider.Request request) {
        ProviderConfig resolved = provider.resolve(given(object(request.getConfig(), TerraformSchema.providerType())));
        provider.configure(resolved);
        return ConfigureProvider.Response.newBuilder().addAllDiagnostics(Diagnostics.of(resolved.validateEndpoints())).build();
    }

    /** The settings the block sets; unset, unknown or absent ones fall back to the environment. */
    private static Map<ConfigKey, String> given(Map<String, Object> config) {
        Map<ConfigKey, String> given = new LinkedHashMap<>();
        for (ConfigKey key : Clouds.settings()) {
            if (config != null && config.get(key.terraformName()) instanceof String s) {
                given.put(key, s);
            }
        }
        return given;
    }
}

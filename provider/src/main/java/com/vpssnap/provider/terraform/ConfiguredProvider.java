package com.vpssnap.provider.terraform;

import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.ConfigSpelling;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.ProviderConfig;
import com.vpssnap.provider.core.ProviderException;
import com.vpssnap.provider.core.SnapshotAction;
import com.vpssnap.provider.core.SnapshotFunction;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.core.VpssnapProvider;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.time.Duration;
import java.util.Map;

/**
 * One Terraform session's provider: configured from the environment at start (an engine may call
 * a resource before ConfigureProvider), then by ConfigureProvider; its cancellation (StopProvider);
 * and what every RPC family looks up in it: a type by name, an operation's limit.
 */
final class ConfiguredProvider {
    private final Map<String, String> environment;
    private final Cancellation cancellation = new Cancellation();
    private volatile VpssnapProvider provider;

    ConfiguredProvider(Map<String, String> environment) {
        this.environment = environment;
        this.provider = VpssnapProvider.configure(resolve(Map.of()), cancellation);
    }

    /** The configuration's values over the environment's. */
    ProviderConfig resolve(Map<ConfigKey, String> given) {
        return ProviderConfig.resolve(given, environment, ConfigSpelling.TERRAFORM);
    }

    void configure(ProviderConfig config) {
        provider = VpssnapProvider.configure(config, cancellation);
    }

    Cancellation cancellation() {
        return cancellation;
    }

    SnapshotResource resource(String type) {
        return provider.resourceByTerraformType(type).orElseThrow(() -> new ProviderException("unknown resource type " + type));
    }

    SnapshotAction action(String type) {
        return provider.actionByTerraformType(type).orElseThrow(() -> new ProviderException("unknown action " + type));
    }

    SnapshotFunction function(String type) {
        return provider.functionByTerraformType(type).orElseThrow(() -> new ProviderException("unknown data source " + type));
    }

    /** The operation's limit: the value's timeouts block, else the resource's default. */
    Operation operation(Map<String, Object> value, String kind, ResourceSpec spec) {
        return operation(value, kind, spec.timeouts().byOperation().get(kind));
    }

    Operation operation(Map<String, Object> value, String kind, Duration fallback) {
        return Operation.within(TimeoutsBlock.limit(value, kind, fallback), cancellation, ProgressListener.NONE);
    }
}

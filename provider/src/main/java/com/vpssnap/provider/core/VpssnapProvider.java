package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.wait.Cancellation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The provider's resources and functions, bound to one configuration: every cloud in {@link Clouds}. */
public final class VpssnapProvider {
    private final ProviderConfig config;
    private final List<SnapshotResource> resources = new ArrayList<>();
    private final List<SnapshotFunction> functions = new ArrayList<>();
    private final List<SnapshotAction> actions = new ArrayList<>();

    private VpssnapProvider(ProviderConfig config, Cancellation cancellation) {
        this.config = config;
        for (CloudModule<?> cloud : Clouds.ALL) {
            bind(cloud, cancellation);
        }
    }

    private <C> void bind(CloudModule<C> cloud, Cancellation cancellation) {
        CloudConnection<C> connection = new CloudConnection<>(cloud, config, cancellation);
        cloud.resources().forEach(offer -> resources.add(offer.make().apply(connection)));
        cloud.functions().forEach(offer -> functions.add(offer.make().apply(connection)));
        cloud.actions().forEach(offer -> actions.add(offer.make().apply(connection)));
    }

    /** @param cancellation stops every wait and call of this provider (Pulumi Cancel, Terraform StopProvider) */
    public static VpssnapProvider configure(ProviderConfig config, Cancellation cancellation) {
        return new VpssnapProvider(config, cancellation);
    }

    public ProviderConfig config() {
        return config;
    }

    public Optional<SnapshotResource> resource(String token) {
        return resources.stream().filter(r -> r.spec().token().equals(token)).findFirst();
    }

    public Optional<SnapshotResource> resourceByTerraformType(String type) {
        return resources.stream().filter(r -> r.spec().terraformType().equals(type)).findFirst();
    }

    public Optional<SnapshotFunction> function(String token) {
        return functions.stream().filter(f -> f.spec().token().equals(token)).findFirst();
    }

    public Optional<SnapshotAction> actionByTerraformType(String type) {
        return actions.stream().filter(a -> a.spec().terraformType().equals(type)).findFirst();
    }

    public Optional<SnapshotFunction> functionByTerraformType(String type) {
        return functions.stream().filter(f -> f.spec().terraformType().equals(type)).findFirst();
    }
}

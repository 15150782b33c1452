package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.core.locaweb.LocawebSnapshotFunction;
import com.vpssnap.provider.core.locaweb.LocawebSnapshotResource;
import com.vpssnap.provider.core.vpsorg.VpsorgSnapshotFunction;
import com.vpssnap.provider.core.vpsorg.VpsorgSnapshotResource;

import java.util.List;
import java.util.Optional;

/** The provider's resources and functions, bound to one configuration. */
public final class VpssnapProvider {
    private final ProviderConfig config;
    private final List<SnapshotResource> resources;
    private final List<SnapshotFunction> functions;

    private VpssnapProvider(ProviderConfig config, Cancellation cancellation) {
        this.config = config;
        CloudClients clients = new CloudClients(config, cancellation);
        this.resources = List.of(new LocawebSnapshotResource(clients), new VpsorgSnapshotResource(clients));
        this.functions = List.of(new LocawebSnapshotFunction(clients), new VpsorgSnapshotFunction(clients));
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

    public Optional<SnapshotFunction> functionByTerraformType(String type) {
        return functions.stream().filter(f -> f.spec().terraformType().equals(type)).findFirst();
    }
}

package com.vpssnap.provider.core;

import com.vpssnap.provider.core.locaweb.LocawebCloud;
import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.core.vpsorg.VpsorgCloud;

import java.util.List;
import java.util.Optional;

/**
 * The registry of clouds: the one place a cloud is added. Settings, endpoint checks, clients,
 * the provider's lookups, the package's resources and functions, the schemas and the docs are
 * all read from here.
 */
public final class Clouds {
    public static final List<CloudModule<?>> ALL = List.of(LocawebCloud.MODULE, VpsorgCloud.MODULE);

    private Clouds() {
    }

    public static List<ConfigKey> settings() {
        return ALL.stream().flatMap(cloud -> cloud.settings().stream()).toList();
    }

    public static Optional<ConfigKey> setting(String key) {
        return settings().stream().filter(k -> k.key().equals(key)).findFirst();
    }

    public static List<ResourceSpec> resourceSpecs() {
        return ALL.stream().flatMap(cloud -> cloud.resources().stream().map(CloudModule.Offer::spec)).toList();
    }

    public static List<ActionSpec> actionSpecs() {
        return ALL.stream().flatMap(cloud -> cloud.actions().stream().map(CloudModule.Offer::spec)).toList();
    }

    public static List<FunctionSpec> functionSpecs() {
        return ALL.stream().flatMap(cloud -> cloud.functions().stream().map(CloudModule.Offer::spec)).toList();
    }
}

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
    /**
     * Names the module class of a cloud that only the tests know (a public static {@code MODULE}),
     * added after the built-in ones. The product never sets it; the tests' own surefire run does
     * (provider/pom.xml, {@code third-cloud}), to prove a cloud is one registration.
     */
    public static final String TEST_CLOUDS_PROPERTY = "vpssnap.testClouds";

    /** The clouds the product ships. */
    public static final List<CloudModule<?>> BUILT_IN = List.of(LocawebCloud.MODULE, VpsorgCloud.MODULE);

    /** The shipped clouds, then any test clouds. */
    public static final List<CloudModule<?>> ALL = withTestClouds(BUILT_IN);

    private Clouds() {
    }

    private static List<CloudModule<?>> withTestClouds(List<CloudModule<?>> builtIn) {
        String names = System.getProperty(TEST_CLOUDS_PROPERTY, "");
        if (names.isBlank()) {
            return builtIn;
        }
        List<CloudModule<?>> all = new java.util.ArrayList<>(builtIn);
        for (String name : names.split(",")) {
            try {
                all.add((CloudModule<?>) Class.forName(name.trim()).getField("MODULE").get(null));
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException(TEST_CLOUDS_PROPERTY + ": " + name + " is not a cloud module class with a public static MODULE", e);
            }
        }
        return List.copyOf(all);
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

package com.vpssnap.provider.testsupport;

import com.vpssnap.provider.core.CloudModule;
import com.vpssnap.provider.core.Clouds;

import java.util.List;
import java.util.function.Predicate;

/**
 * The lifecycle matrix: a {@link LifecycleCase} for every cloud {@link Clouds} registers, so a cloud
 * registered once is in it with no edit here. In the third-cloud run (Clouds.TEST_CLOUDS_PROPERTY
 * set) it holds only the test clouds: the product's clouds had their run in the default one.
 */
public final class LifecycleCases {
    private LifecycleCases() {
    }

    public static List<LifecycleCase> all() {
        boolean testCloudsOnly = !System.getProperty(Clouds.TEST_CLOUDS_PROPERTY, "").isBlank();
        return Clouds.ALL.stream().skip(testCloudsOnly ? Clouds.BUILT_IN.size() : 0).map(LifecycleCases::of).toList();
    }

    /** The clouds with a capability a scenario needs. */
    public static List<LifecycleCase> with(Predicate<LifecycleCase> capability) {
        return all().stream().filter(capability).toList();
    }

    /** One cloud's case, by its module's name ({@code locaweb}). */
    public static LifecycleCase named(String name) {
        return of(Clouds.ALL.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no cloud " + name + " is registered")));
    }

    /** {@code com.x.AcmeCloud} → {@code com.x.AcmeLifecycleCase}, with a public no-argument constructor. */
    static LifecycleCase of(CloudModule<?> module) {
        String moduleClass = module.getClass().getName();
        String caseClass = moduleClass.replaceFirst("Cloud$", "") + "LifecycleCase";
        try {
            return (LifecycleCase) Class.forName(caseClass).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new AssertionError("cloud " + module.name() + " (" + moduleClass + ") has no lifecycle case: write "
                    + caseClass + " in the test tree, a LifecycleCase with a public no-argument constructor", e);
        }
    }
}

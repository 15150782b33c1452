package com.vpssnap.provider.testsupport;

import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.core.CloudModule;
import com.vpssnap.provider.core.Clouds;
import com.vpssnap.provider.core.SnapshotFunction;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.ResourceSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle matrix follows the registry: one case per registered cloud, and a cloud without one is named. */
class LifecycleCasesTest {
    @Test
    void everyRegisteredCloudHasItsCaseWithItsOwnResource() {
        List<String> tokens = LifecycleCases.all().stream().map(c -> c.spec().token()).toList();
        assertEquals(Clouds.ALL.stream().map(m -> m.resources().get(0).spec().token()).toList(), tokens);
    }

    @Test
    void aCloudWithoutACaseIsNamedWithTheClassToWrite() {
        CloudModule<Object> caseless = new Caseless();
        AssertionError missing = assertThrows(AssertionError.class, () -> LifecycleCases.of(caseless));
        assertTrue(missing.getMessage().startsWith("cloud caseless (" + Caseless.class.getName() + ") has no lifecycle case: write "
                + LifecycleCasesTest.class.getName() + "$CaselessLifecycleCase"), missing.getMessage());
    }

    /** A module no case goes with (the class name has no "Cloud" to replace, so "Caseless" + "LifecycleCase"). */
    private static final class Caseless implements CloudModule<Object> {
        @Override
        public Identity identity() {
            return new Identity("caseless", "Caseless", null, null);
        }

        @Override
        public Object connect(Endpoint endpoint, Secret token, Cancellation cancellation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Offer<ResourceSpec, SnapshotResource, Object>> resources() {
            return List.of();
        }

        @Override
        public List<Offer<FunctionSpec, SnapshotFunction, Object>> functions() {
            return List.of();
        }
    }
}

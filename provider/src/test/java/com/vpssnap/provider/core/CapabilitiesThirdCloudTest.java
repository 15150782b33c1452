package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import com.vpssnap.provider.core.locaweb.LocawebSpecs;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.thirdcloud.AcmeCloud;
import com.vpssnap.provider.thirdcloud.AcmeEmulatorTest;
import com.vpssnap.provider.thirdcloud.AcmeFixture;
import com.vpssnap.provider.thirdcloud.AcmeSnapshotResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cloud offers identity, listing and revert only by its spec. Acme's registered spec opts out of
 * identity and listing (TerraformThirdCloudTest shows the adapters); here the same resource without
 * its revertTrigger input offers no revert either, against the real Acme emulation.
 */
class CapabilitiesThirdCloudTest extends AcmeEmulatorTest {
    private static final ResourceSpec REGISTERED = Clouds.resourceSpecs().stream()
            .filter(r -> r.token().equals("vpssnap:acme:Snapshot")).findFirst().orElseThrow();

    @Test
    void theRegisteredSpecOptsOutOfIdentityAndListingButNotRevert() {
        assertFalse(REGISTERED.identifiable());
        assertFalse(REGISTERED.listable());
        assertTrue(REGISTERED.revertible());
        assertTrue(LocawebSpecs.SNAPSHOT.identifiable() && LocawebSpecs.SNAPSHOT.listable() && LocawebSpecs.SNAPSHOT.revertible());
    }

    @Test
    void aSpecWithoutTheRevertTriggerOffersNoRevert() {
        ResourceSpec noRevert = new ResourceSpec(REGISTERED.token(), REGISTERED.terraformType(), REGISTERED.description(),
                REGISTERED.importIdFormat(), REGISTERED.properties().stream()
                .filter(p -> !p.name().equals(SnapshotInputs.REVERT_TRIGGER)).toList(),
                REGISTERED.timeouts(), REGISTERED.terraformReplacement(), List.of(), List.of());
        assertFalse(noRevert.revertible());
        SnapshotResource resource = new AcmeSnapshotResource(noRevert, new CloudConnection<>(AcmeCloud.MODULE,
                ProviderConfig.resolve(Map.of(), AcmeFixture.environment(emulator), ConfigSpelling.PULUMI), new Cancellation()));

        CheckResult refused = resource.check(Props.builder().put("machine", "m1").put("name", "n").put("revertTrigger", "r1").build());
        assertEquals(List.of(SnapshotInputs.REVERT_TRIGGER), refused.failures().stream().map(ValidationFailure::property).toList(),
                refused.failures().toString());

        Created created = resource.create(Props.builder().put("machine", "m1").put("name", "n").build(), operation());
        // Even a trigger that changed (which check refuses above) reverts nothing when the spec has no revert.
        resource.update(created.id(), created.state().toBuilder().put("revertTrigger", "r1").build(),
                Props.builder().put("machine", "m1").put("name", "n").put("revertTrigger", "r2").build(), operation());
        assertEquals(List.of(), AcmeFixture.rollbacks(emulator, "m1"), "an update of a resource without revert rolls nothing back");
        ProviderException revertTo = assertThrows(ProviderException.class,
                () -> resource.revertTo(Props.builder().put("machine", "m1").put("id", 1).build(), operation()));
        assertEquals("vpssnap_acme_snapshot offers no revert", revertTo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RevertAction(LocawebSpecs.REVERT, resource),
                "a revert action needs a resource with an identity and a revert");
        resource.delete(created.id(), created.state(), operation());
        assertEquals(List.of(), AcmeFixture.snapshotIds(emulator, "m1"));
    }

    private static Operation operation() {
        return Operation.within(Duration.ofSeconds(30), new Cancellation(), ProgressListener.NONE);
    }
}

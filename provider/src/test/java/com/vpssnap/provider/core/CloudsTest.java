package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.ResourceSpec;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the registry promises a new cloud: its names cannot clash, and every list is read from it. */
class CloudsTest {
    @Test
    void eachCloudOwnsItsTokensTypesAndSettings() {
        for (CloudModule<?> cloud : Clouds.ALL) {
            for (ResourceSpec r : cloud.resources().stream().map(CloudModule.Offer::spec).toList()) {
                assertTrue(r.token().startsWith("vpssnap:" + cloud.name() + ":"), r.token());
                assertTrue(r.terraformType().startsWith("vpssnap_" + cloud.name() + "_"), r.terraformType());
            }
            for (FunctionSpec f : cloud.functions().stream().map(CloudModule.Offer::spec).toList()) {
                assertTrue(f.token().startsWith("vpssnap:" + cloud.name() + ":"), f.token());
                assertTrue(f.terraformType().startsWith("vpssnap_" + cloud.name() + "_"), f.terraformType());
            }
            assertTrue(cloud.tokenSetting().secret(), cloud.tokenSetting() + " is secret in every schema");
            assertEquals(null, cloud.tokenSetting().defaultValue());
            assertTrue(cloud.endpointSetting().defaultValue().startsWith("https://"), cloud.endpointSetting().toString());
        }
    }

    @Test
    void everyRequiredInputHasTheSampleValueTheGeneratedExamplesNeed() {
        for (ResourceSpec r : Clouds.resourceSpecs()) {
            r.inputs().stream().filter(PropertySpec::required)
                    .forEach(p -> assertTrue(p.example() != null, r.token() + "." + p.name() + " has no example value"));
        }
        for (FunctionSpec f : Clouds.functionSpecs()) {
            f.inputs().stream().filter(PropertySpec::required)
                    .forEach(p -> assertTrue(p.example() != null, f.token() + "." + p.name() + " has no example value"));
        }
    }

    @Test
    void noTwoCloudsShareANameASettingOrAVariable() {
        assertUnique(Clouds.ALL.stream().map(CloudModule::name).toList());
        assertUnique(Clouds.settings().stream().map(ConfigKey::key).toList());
        assertUnique(Clouds.settings().stream().map(ConfigKey::environmentVariable).toList());
        assertUnique(Clouds.resourceSpecs().stream().map(ResourceSpec::token).toList());
    }

    @Test
    void thePackageListsAreTheRegistrysLists() {
        assertEquals(Clouds.resourceSpecs(), PackageInfo.RESOURCES);
        assertEquals(Clouds.functionSpecs(), PackageInfo.FUNCTIONS);
        assertEquals(2 * Clouds.ALL.size(), Clouds.settings().size(), "an endpoint and a token per cloud");
    }

    @Test
    void terraformSpellingRewritesThePackagesNamesAndNothingElse() {
        assertEquals("set `revert_trigger` (and server_id), not revertTriggers or fooBar",
                Spelling.TERRAFORM.text("set `revertTrigger` (and serverId), not revertTriggers or fooBar"));
        assertEquals("locaweb_token: is required", Spelling.TERRAFORM.text("locawebToken: is required"));
        assertEquals("revertTrigger", Spelling.PULUMI.text("revertTrigger"));
    }

    private static void assertUnique(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            assertTrue(seen.add(name), name + " appears twice in " + names);
        }
    }
}

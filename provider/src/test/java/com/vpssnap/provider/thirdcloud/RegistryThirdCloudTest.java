package com.vpssnap.provider.thirdcloud;

import com.vpssnap.provider.core.Clouds;
import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.docs.DocsGenerator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acme, registered once (core.Clouds' test property, set by provider/pom.xml's third-cloud run),
 * is in every list the front doors and the docs read, with no edit anywhere else.
 */
class RegistryThirdCloudTest {
    @Test
    void itComesAfterTheProductsCloudsInTheRegistryAndThePackage() {
        assertEquals(AcmeCloud.MODULE, Clouds.ALL.get(Clouds.ALL.size() - 1));
        assertTrue(PackageInfo.RESOURCES.contains(AcmeSpecs.SNAPSHOT), "its resource is the package's");
        assertTrue(PackageInfo.FUNCTIONS.contains(AcmeSpecs.GET_SNAPSHOTS), "its function is the package's");
        assertEquals(AcmeCloud.TOKEN, Clouds.setting("acmeToken").orElseThrow());
        assertTrue(AcmeCloud.TOKEN.secret(), "its token is a secret like every cloud's");
    }

    @Test
    void theDocsGeneratorWritesItsPagesForEveryRegistry() {
        Map<String, String> pages = DocsGenerator.pages();
        String resource = pages.entrySet().stream().filter(p -> p.getKey().startsWith("resources/") && p.getValue().contains("vpssnap:acme:Snapshot"))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no resource page for Acme in " + pages.keySet()));
        assertTrue(resource.contains("Changing `revertTrigger` rolls the machine back"), resource);
        assertTrue(pages.keySet().stream().anyMatch(p -> p.startsWith("registry/terraform/") && p.contains("acme")),
                "a Terraform registry page: " + pages.keySet());
        assertTrue(pages.keySet().stream().anyMatch(p -> p.startsWith("registry/pulumi/") && pages.get(p).contains("vpssnap:acme:Snapshot")),
                "a Pulumi registry page: " + pages.keySet());
        assertTrue(pages.get("configuration.md").contains("VPSSNAP_ACME_TOKEN"), "its settings are documented");
        assertTrue(pages.containsKey("registry/terraform/list-resources/locaweb_snapshot.md"));
        assertTrue(pages.keySet().stream().noneMatch(p -> p.startsWith("registry/terraform/list-resources/acme")),
                "Acme offers no list resource, so it has no page: " + pages.keySet());
        String terraformPage = pages.get("registry/terraform/resources/acme_snapshot.md");
        assertFalse(terraformPage.contains("list resource"), "its import section points at no list resource");
        assertTrue(terraformPage.contains("terraform import vpssnap_acme_snapshot.before_upgrade m1/1"), terraformPage);
        assertFalse(terraformPage.contains("Identity Schema"), "it offers no identity, so no identity import: " + terraformPage);
        assertTrue(pages.get("registry/terraform/resources/locaweb_snapshot.md").contains("Identity Schema"));
    }
}

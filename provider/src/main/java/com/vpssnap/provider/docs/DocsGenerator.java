package com.vpssnap.provider.docs;

import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes docs/ from the specs that schema.json and the Terraform schema come from, so the pages
 * cannot disagree with either (DocsFreshnessTest fails when docs/ is stale). docs/components/ is
 * written by hand: the component is not part of the provider's schema. docs/registry/ holds the same
 * reference in the layouts the Terraform and Pulumi registries render; make dist ships it.
 * Usage: DocsGenerator DIR
 */
public final class DocsGenerator {
    private DocsGenerator() {
    }

    /** Every generated page, by path relative to docs/. */
    public static Map<String, String> pages() {
        Map<String, String> pages = new TreeMap<>();
        pages.put("index.md", Pages.index());
        pages.put("installation.md", Pages.installation());
        pages.put("configuration.md", Pages.configuration());
        for (ResourceSpec r : PackageInfo.RESOURCES) {
            pages.put("resources/" + Usage.pageName(r.token()) + ".md", Pages.resource(r));
        }
        for (FunctionSpec f : PackageInfo.FUNCTIONS) {
            pages.put("functions/" + Usage.pageName(f.token()) + ".md", Pages.function(f));
        }
        TerraformRegistryPages.pages().forEach((path, page) -> pages.put("registry/terraform/" + path, page));
        PulumiRegistryPages.pages().forEach((path, page) -> pages.put("registry/pulumi/" + path, page));
        return pages;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        for (Map.Entry<String, String> page : pages().entrySet()) {
            Path file = out.resolve(page.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, page.getValue());
        }
    }
}

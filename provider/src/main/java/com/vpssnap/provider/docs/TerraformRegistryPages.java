package com.vpssnap.provider.docs;

import com.vpssnap.provider.core.Clouds;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.core.Spelling;
import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.PropertyType;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Terraform registry's layout (the one terraform-plugin-docs writes): {@code index.md},
 * {@code resources/NAME.md}, {@code data-sources/NAME.md}, {@code list-resources/NAME.md} and
 * {@code actions/NAME.md}, each with the front matter the
 * registry reads (page_title, subcategory, description), then Example Usage, Schema and Import.
 * A provider repository publishes them as its {@code docs/} folder.
 */
final class TerraformRegistryPages {
    private static final String PROVIDER = PackageInfo.NAME;

    private TerraformRegistryPages() {
    }

    static Map<String, String> pages() {
        Map<String, String> pages = new TreeMap<>();
        pages.put("index.md", index());
        for (ResourceSpec r : PackageInfo.RESOURCES) {
            pages.put("resources/" + shortName(r.terraformType()) + ".md", resource(r));
        }
        for (FunctionSpec f : PackageInfo.FUNCTIONS) {
            pages.put("data-sources/" + shortName(f.terraformType()) + ".md", dataSource(f));
        }
        for (ResourceSpec r : PackageInfo.RESOURCES.stream().filter(ResourceSpec::listable).toList()) {
            pages.put("list-resources/" + shortName(r.terraformType()) + ".md", listResource(r));
        }
        for (ActionSpec a : PackageInfo.ACTIONS) {
            pages.put("actions/" + shortName(a.terraformType()) + ".md", action(a));
        }
        return pages;
    }

    static String index() {
        StringBuilder schema = new StringBuilder("### Optional\n\n");
        for (ConfigKey key : Clouds.settings()) {
            schema.append("- `").append(key.terraformName()).append("` (String").append(key.secret() ? ", Sensitive" : "")
                    .append(") ").append(key.description()).append('\n');
        }
        return frontMatter(PROVIDER + " Provider", "", PackageInfo.DESCRIPTION)
                + new Markdown().heading(1, PROVIDER + " Provider").paragraph(PackageInfo.DESCRIPTION)
                .paragraph("Snapshots of Locaweb Cloud and VPS.org servers, kept as rollback points: changing a snapshot's "
                        + "`revert_trigger` reverts its server to it in place. Each setting falls back to its environment "
                        + "variable; tokens are sensitive and never logged.")
                .heading(2, "Example Usage")
                .code("terraform", "terraform {\n  required_providers {\n    " + PROVIDER + " = {\n      source  = \""
                        + PackageInfo.TERRAFORM_SOURCE + "\"\n      version = \"" + PackageInfo.VERSION + "\"\n    }\n  }\n}\n\n"
                        + "provider \"" + PROVIDER + "\" {\n  locaweb_token = var.locaweb_token   # or VPSSNAP_LOCAWEB_TOKEN\n"
                        + "  vpsorg_token  = var.vpsorg_token    # or VPSSNAP_VPSORG_TOKEN\n}")
                .paragraph("Guides: [installation](" + Guides.url("install.md") + ") (the registry, mirrors, lock files), "
                        + "[HCL and the day-two features](" + Guides.url("terraform.md") + "), [drift checks in CI]("
                        + Guides.url("drift-checks.md") + ").")
                .heading(2, "Platforms")
                .paragraph(Platforms.sentence("`terraform-provider-" + PROVIDER + "_" + PackageInfo.VERSION + "_OS_ARCH.zip`", "_")
                        + " To lock all of them: `terraform providers lock " + Platforms.lockFlags() + "`.")
                .paragraph("<!-- schema generated from the provider's specs -->\n## Schema\n\n" + schema.toString().strip())
                .toString();
    }

    static String resource(ResourceSpec r) {
        StringBuilder schema = new StringBuilder();
        section(schema, "Required", r.inputs().stream().filter(PropertySpec::required).toList());
        List<PropertySpec> optional = r.inputs().stream().filter(p -> !p.required()).toList();
        schema.append("### Optional\n\n");
        optional.forEach(p -> schema.append(bullet(p)));
        schema.append("- `timeouts` (Block, Optional) How long each operation may take, as durations like \"30m\". "
                + "Defaults: create 20m, update 20m, delete 10m. (see [below for nested schema](#nestedblock--timeouts))\n\n");
        schema.append("### Read-Only\n\n- `id` (String) The snapshot's id: ").append(r.importIdFormat()).append(".\n");
        r.properties().stream().filter(p -> !p.input()).forEach(p -> schema.append(bullet(p)));
        schema.append("\n<a id=\"nestedblock--timeouts\"></a>\n### Nested Schema for `timeouts`\n\nOptional:\n\n"
                + "- `create` (String) Time allowed to create the snapshot.\n- `delete` (String) Time allowed to delete the snapshot.\n"
                + "- `update` (String) Time allowed to update the snapshot.\n");
        String example = r.importIdFormat().split(", e\\.g\\. ", 2)[r.importIdFormat().contains(", e.g. ") ? 1 : 0];
        String description = Spelling.TERRAFORM.text(r.description());
        Markdown page = new Markdown().heading(1, r.terraformType() + " (Resource)").paragraph(description)
                .heading(2, "Example Usage").code("terraform", Usage.hcl(r))
                .paragraph("<!-- schema generated from the provider's specs -->\n## Schema\n\n" + schema.toString().strip())
                .heading(2, "Import").paragraph("Import is supported using the following syntax:")
                .code("shell", "terraform import " + r.terraformType() + ".before_upgrade " + example);
        if (r.identifiable()) {
            page.paragraph("With Terraform 1.12 or later, or OpenTofu 1.12 or later, an `import` block can name the snapshot "
                            + "by its identity instead of an id string" + (r.listable() ? "; `terraform query` writes such blocks for every snapshot of a "
                            + "server (see the `" + r.terraformType() + "` list resource)." : "."))
                    .code("terraform", Usage.hclIdentityImport(r))
                    .paragraph("### Identity Schema\n\n#### Required\n\n" + bullets(r.identity()).strip());
        }
        return frontMatter(r.terraformType() + " Resource - " + PROVIDER, "", description) + page;
    }

    static String listResource(ResourceSpec r) {
        String description = "Lists the snapshots of one server, whoever made them (this provider, the web panel, a "
                + "script), oldest first, with their identities, for `terraform query` (Terraform 1.14 or later). "
                + "`terraform query -generate-config-out=FILE` writes an `import` block and a `" + r.terraformType()
                + "` block for each, which plan clean as written. OpenTofu 1.12 has no list resources.";
        StringBuilder schema = new StringBuilder();
        section(schema, "Required", r.listQuery().stream().filter(PropertySpec::required).toList());
        section(schema, "Optional", r.listQuery().stream().filter(p -> !p.required()).toList());
        return frontMatter(r.terraformType() + " List Resource - " + PROVIDER, "", description)
                + new Markdown().heading(1, r.terraformType() + " (List Resource)").paragraph(description)
                .heading(2, "Example Usage").code("terraform", Usage.hclList(r))
                .paragraph("<!-- schema generated from the provider's specs -->\n## Schema\n\n" + schema.toString().strip())
                .toString();
    }

    static String action(ActionSpec a) {
        String description = Spelling.TERRAFORM.text(a.description());
        StringBuilder schema = new StringBuilder();
        section(schema, "Required", a.config().stream().filter(PropertySpec::required).toList());
        section(schema, "Optional", a.config().stream().filter(p -> !p.required()).toList());
        Markdown page = new Markdown().heading(1, a.terraformType() + " (Action)").paragraph(description)
                .paragraph("Actions need Terraform 1.14 or later; OpenTofu 1.12 has none. An action is for a snapshot that "
                        + "exists only to roll back one deploy, or for a revert now; a snapshot you keep belongs in state, as a "
                        + "resource.")
                .heading(2, "Example Usage").code("terraform", Usage.hcl(a));
        if (a.terraformType().endsWith("_take_snapshot")) {
            finalSnapshot(page, a);
        }
        return frontMatter(a.terraformType() + " Action - " + PROVIDER, "", description)
                + page.paragraph("<!-- schema generated from the provider's specs -->\n## Schema\n\n" + schema.toString().strip())
                .toString();
    }

    /** Terraform 1.16's before_destroy, and what each on_failure mode does (FinalSnapshotIT tests each row). */
    private static void finalSnapshot(Markdown page, ActionSpec a) {
        page.heading(3, "Final snapshot before destroy")
                .paragraph("Terraform 1.16 or later. The action runs before the server's destroy and waits until the snapshot is "
                        + "ready; only then does the destroy go on. The name carries the plan's time (`plantimestamp()`: a "
                        + "destroy-time action's configuration must be known when the plan is made), and there is no `keep`: "
                        + "`keep` counts only the snapshots of its own name, so a pre-deploy action's `keep` never deletes a "
                        + "final snapshot.")
                .code("terraform", Usage.hclFinal(a))
                .paragraph("When the snapshot cannot be taken, the error names the server and the cause, and `on_failure` decides:")
                .table(List.of("how the server is destroyed", "`halt` (the default)", "`continue`", "`taint`"), List.of(
                        List.of("`terraform apply` (the resource removed by `count`, `for_each` or a replacement)",
                                "the server is not destroyed; the apply fails", "destroyed; the failure is a warning",
                                "as `halt`: Terraform taints only a resource just created"),
                        List.of("`terraform destroy`", "destroyed; the failure is a warning (Terraform never lets an action "
                                + "block a full destroy)", "the same", "the same")))
                .paragraph("So where a failed final snapshot must stop the destroy, remove the server with `terraform apply` "
                        + "(for example `count = var.enabled ? 1 : 0`). A resource block deleted from the configuration takes "
                        + "its triggers with it: no action runs.");
    }

    private static String bullets(List<PropertySpec> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach(p -> text.append(bullet(p)));
        return text.toString();
    }

    static String dataSource(FunctionSpec f) {
        StringBuilder schema = new StringBuilder();
        section(schema, "Required", f.inputs().stream().filter(PropertySpec::required).toList());
        section(schema, "Optional", f.inputs().stream().filter(p -> !p.required()).toList());
        schema.append("### Read-Only\n\n- `id` (String) An id for this listing (the server, or \"all\").\n");
        f.outputs().forEach(p -> schema.append(bullet(p)));
        for (PropertySpec out : f.outputs()) {
            if (out.type() instanceof PropertyType.ListOfObjects list) {
                schema.append("\n<a id=\"nestedatt--").append(out.terraformName()).append("\"></a>\n### Nested Schema for `")
                        .append(out.terraformName()).append("`\n\nRead-Only:\n\n");
                list.element().properties().forEach(p -> schema.append(bullet(p)));
            }
        }
        return frontMatter(f.terraformType() + " Data Source - " + PROVIDER, "", f.description())
                + new Markdown().heading(1, f.terraformType() + " (Data Source)").paragraph(f.description())
                .heading(2, "Example Usage").code("terraform", Usage.hcl(f))
                .paragraph("<!-- schema generated from the provider's specs -->\n## Schema\n\n" + schema.toString().strip())
                .toString();
    }

    private static void section(StringBuilder schema, String title, List<PropertySpec> properties) {
        if (!properties.isEmpty()) {
            schema.append("### ").append(title).append("\n\n");
            properties.forEach(p -> schema.append(bullet(p)));
            schema.append('\n');
        }
    }

    private static String bullet(PropertySpec p) {
        String type = p.type() instanceof PropertyType.Primitive primitive ? terraformType(primitive) : "List of Object";
        String notes = p.secret() ? ", Sensitive" : "";
        String link = p.type() instanceof PropertyType.ListOfObjects ? " (see [below for nested schema](#nestedatt--" + p.terraformName() + "))" : "";
        return "- `" + p.terraformName() + "` (" + type + notes + ") " + Spelling.TERRAFORM.text(p.description()) + link + "\n";
    }

    private static String frontMatter(String title, String subcategory, String description) {
        return "---\n# Generated by `make docs` from the provider's specs; do not edit.\npage_title: \"" + title
                + "\"\nsubcategory: \"" + subcategory + "\"\ndescription: |-\n  " + description.strip().replace("\n", "\n  ") + "\n---\n\n";
    }

    private static String shortName(String terraformType) {
        return terraformType.substring(PROVIDER.length() + 1);
    }

    /** Terraform's names for the cty types: numbers are Number, whole or not. */
    private static String terraformType(PropertyType.Primitive primitive) {
        return switch (primitive.name()) {
            case "integer" -> "Number";
            case "boolean" -> "Boolean";
            default -> "String";
        };
    }
}

package com.vpssnap.provider.docs;

import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.Names;
import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.ReplacementOrder;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.List;
import java.util.stream.Collectors;

/** Examples in the four languages, written from a resource's or function's spec. */
final class Usage {
    private Usage() {
    }

    static String module(String token) {
        return token.split(":")[1];
    }

    static String member(String token) {
        return token.split(":")[2];
    }

    static String java(ResourceSpec r) {
        List<PropertySpec> shown = ExampleValues.shown(r.inputs());
        String pkg = "com.vpssnap." + module(r.token());
        return "import " + pkg + "." + member(r.token()) + ";\nimport " + pkg + "." + member(r.token()) + "Args;\n\n"
                + "var snapshot = new " + member(r.token()) + "(\"before-upgrade\", " + member(r.token()) + "Args.builder()\n"
                + shown.stream().map(p -> "        ." + p.name() + "(" + ExampleValues.literal(p) + ")\n").collect(Collectors.joining())
                + "        .revertTrigger(ctx.config().get(\"rollbackTo\").orElse(\"\"))\n        .build());\n"
                + "ctx.export(\"snapshotId\", snapshot.snapshotId());";
    }

    static String typescript(ResourceSpec r) {
        return "import * as pulumi from \"@pulumi/pulumi\";\nimport * as vpssnap from \"@vpssnap/vpssnap\";\n\n"
                + "const snapshot = new vpssnap." + module(r.token()) + "." + member(r.token()) + "(\"before-upgrade\", {\n"
                + ExampleValues.shown(r.inputs()).stream().map(p -> "    " + p.name() + ": " + ExampleValues.literal(p) + ",\n")
                .collect(Collectors.joining())
                + "    revertTrigger: new pulumi.Config().get(\"rollbackTo\") ?? \"\",\n});\nexport const snapshotId = snapshot.snapshotId;";
    }

    static String yaml(ResourceSpec r) {
        return "resources:\n  before-upgrade:\n    type: " + r.token() + "\n    properties:\n"
                + ExampleValues.shown(r.inputs()).stream().map(p -> "      " + p.name() + ": " + ExampleValues.literal(p) + "\n")
                .collect(Collectors.joining())
                + "      revertTrigger: ${rollbackTo}   # a new value reverts the server in place\n"
                + "outputs:\n  snapshotId: ${before-upgrade.snapshotId}";
    }

    static String hcl(ResourceSpec r) {
        return "resource \"" + r.terraformType() + "\" \"before_upgrade\" {\n"
                + ExampleValues.shown(r.inputs()).stream()
                .map(p -> "  " + p.terraformName() + " = " + ExampleValues.literal(p) + "\n").collect(Collectors.joining())
                + "  revert_trigger = var.rollback_to   # a new value reverts the server in place\n"
                + lifecycle(r.terraformReplacement()) + "}\n\n"
                + "output \"snapshot_id\" {\n  value = " + r.terraformType() + ".before_upgrade.snapshot_id\n}";
    }

    /** The lifecycle block where create-before-destroy is right, else a comment saying why it is left out. */
    private static String lifecycle(ReplacementOrder order) {
        return order.createBeforeDestroy()
                ? "\n  lifecycle {\n    create_before_destroy = true   # " + order.why() + "\n  }\n"
                : "\n  # " + order.why() + ".\n";
    }

    static String java(FunctionSpec f) {
        String pkg = "com.vpssnap." + module(f.token());
        String functions = Character.toUpperCase(module(f.token()).charAt(0)) + module(f.token()).substring(1) + "Functions";
        String args = Character.toUpperCase(member(f.token()).charAt(0)) + member(f.token()).substring(1) + "Args";
        return "import " + pkg + "." + functions + ";\nimport " + pkg + ".inputs." + args + ";\n\n"
                + "var listed = " + functions + "." + member(f.token()) + "(" + args + ".builder()\n"
                + ExampleValues.shown(f.inputs()).stream().map(p -> "        ." + p.name() + "(" + ExampleValues.literal(p) + ")\n")
                .collect(Collectors.joining())
                + "        .build());\nctx.export(\"count\", listed.applyValue(r -> r.snapshots().size()));";
    }

    static String typescript(FunctionSpec f) {
        return "import * as vpssnap from \"@vpssnap/vpssnap\";\n\n"
                + "const listed = vpssnap." + module(f.token()) + "." + member(f.token()) + "Output({\n"
                + ExampleValues.shown(f.inputs()).stream().map(p -> "    " + p.name() + ": " + ExampleValues.literal(p) + ",\n")
                .collect(Collectors.joining())
                + "});\nexport const count = listed.snapshots.apply(s => s.length);";
    }

    static String yaml(FunctionSpec f) {
        return "variables:\n  listed:\n    fn::invoke:\n      function: " + f.token() + "\n      arguments:\n"
                + ExampleValues.shown(f.inputs()).stream().map(p -> "        " + p.name() + ": " + ExampleValues.literal(p) + "\n")
                .collect(Collectors.joining())
                + "      return: snapshots\noutputs:\n  snapshots: ${listed}";
    }

    static String hcl(FunctionSpec f) {
        return "data \"" + f.terraformType() + "\" \"listed\" {\n"
                + ExampleValues.shown(f.inputs()).stream()
                .map(p -> "  " + p.terraformName() + " = " + ExampleValues.literal(p) + "\n").collect(Collectors.joining())
                + "}\n\noutput \"count\" {\n  value = length(data." + f.terraformType() + ".listed.snapshots)\n}";
    }

    /** An action block, with an action_trigger on a terraform_data that stands for the deploy (take) or -invoke (revert). */
    static String hcl(ActionSpec a) {
        String block = "action \"" + a.terraformType() + "\" \"" + (a.terraformType().endsWith("take_snapshot") ? "pre_deploy" : "now")
                + "\" {\n  config {\n" + arguments(a.config(), "    ") + "  }\n}\n";
        if (!a.terraformType().endsWith("take_snapshot")) {
            return block + "\n# terraform apply -invoke=action." + a.terraformType() + ".now";
        }
        return block + "\n# The deploy: each change of release takes a snapshot first.\nresource \"terraform_data\" \"deploy\" {\n"
                + "  input = var.release\n\n  lifecycle {\n    action_trigger {\n      events  = [before_update]\n"
                + "      actions = [action." + a.terraformType() + ".pre_deploy]\n    }\n  }\n}";
    }

    /**
     * A take action before its server is destroyed (Terraform 1.16's before_destroy), as
     * examples/terraform-final-snapshot has it: a name with the plan's time, and no keep.
     */
    static String hclFinal(ActionSpec a) {
        StringBuilder config = new StringBuilder();
        for (PropertySpec p : ExampleValues.shown(a.config())) {
            String value = switch (p.terraformName()) {
                case "keep" -> null;
                case "name" -> "\"final-${formatdate(\"YYYYMMDD-hhmmss\", plantimestamp())}\"";
                case "description" -> "\"Final snapshot before destroy\"";
                default -> ExampleValues.literal(p);
            };
            if (value != null) {
                config.append("    ").append(p.terraformName()).append(" = ").append(value).append("\n");
            }
        }
        return "action \"" + a.terraformType() + "\" \"final\" {\n  config {\n" + config + "  }\n}\n"
                + "\n# Stands for the server: in a real configuration, the resource that creates it.\n"
                + "resource \"terraform_data\" \"server\" {\n  input = \"web-1\"\n\n  lifecycle {\n    action_trigger {\n"
                + "      events     = [before_destroy]\n      actions    = [action." + a.terraformType() + ".final]\n"
                + "      on_failure = halt\n    }\n  }\n}";
    }

    /** A list block of a .tfquery.hcl file, for terraform query. */
    static String hclList(ResourceSpec r) {
        return "# adopt.tfquery.hcl: terraform query -generate-config-out=adopted.tf\nlist \"" + r.terraformType()
                + "\" \"existing\" {\n  provider = vpssnap\n\n  config {\n" + arguments(r.listQuery(), "    ") + "  }\n}";
    }

    /** An import block that names the snapshot by its identity. */
    static String hclIdentityImport(ResourceSpec r) {
        return "import {\n  to = " + r.terraformType() + ".adopted\n  identity = {\n" + arguments(r.identity(), "    ") + "  }\n}";
    }

    private static String arguments(List<PropertySpec> specs, String indent) {
        return ExampleValues.shown(specs).stream().map(p -> indent + p.terraformName() + " = " + ExampleValues.literal(p) + "\n")
                .collect(Collectors.joining());
    }

    static String pageName(String token) {
        String member = member(token);
        return module(token) + "_" + Names.snakeCase(Character.toLowerCase(member.charAt(0)) + member.substring(1));
    }
}

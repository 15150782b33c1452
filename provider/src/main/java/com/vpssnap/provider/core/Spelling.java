package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.Names;
import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.PropertyType;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The package's names in each protocol's spelling. Specs, descriptions and messages are written
 * with canonical (camelCase, Pulumi) names; Terraform's texts get every name the package
 * defines in snake_case, and no other word is touched.
 */
public enum Spelling {
    PULUMI, TERRAFORM;

    /** Every canonical name that Terraform spells differently, longest first so none hides a longer one. */
    private static final Pattern CAMEL_NAMES = Pattern.compile("(?<![A-Za-z0-9_])("
            + canonicalNames().stream().filter(n -> !n.equals(Names.snakeCase(n))).distinct()
            .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|"))
            + ")(?![A-Za-z0-9_])");

    public String name(String canonical) {
        return this == TERRAFORM ? Names.snakeCase(canonical) : canonical;
    }

    /** A text that mentions the package's names, with each one in this spelling. */
    public String text(String text) {
        if (this == PULUMI) {
            return text;
        }
        Matcher m = CAMEL_NAMES.matcher(text);
        return m.replaceAll(match -> Matcher.quoteReplacement(Names.snakeCase(match.group(1))));
    }

    private static List<String> canonicalNames() {
        List<String> names = new ArrayList<>();
        Clouds.settings().forEach(k -> names.add(k.key()));
        for (ResourceSpec r : Clouds.resourceSpecs()) {
            addAll(names, r.properties());
        }
        for (FunctionSpec f : Clouds.functionSpecs()) {
            addAll(names, f.inputs());
            addAll(names, f.outputs());
        }
        return names;
    }

    private static void addAll(List<String> names, List<PropertySpec> properties) {
        for (PropertySpec p : properties) {
            names.add(p.name());
            if (p.type() instanceof PropertyType.ListOfObjects list) {
                addAll(names, list.element().properties());
            }
        }
    }
}

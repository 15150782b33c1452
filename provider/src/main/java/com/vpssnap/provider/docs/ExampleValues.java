package com.vpssnap.provider.docs;

import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.PropertyType;

import java.util.List;
import java.util.Map;

/** The sample value each input gets in the generated examples, and how each language writes it. */
final class ExampleValues {
    private static final Map<String, Object> VALUES = Map.of(
            "server", "cpro0299",
            "serverId", 12345,
            "name", "before-upgrade",
            "description", "Taken before the nginx upgrade");

    private ExampleValues() {
    }

    /** The inputs an example sets: those with a sample value (revertTrigger is written by each example). */
    static List<PropertySpec> shown(List<PropertySpec> inputs) {
        return inputs.stream().filter(p -> VALUES.containsKey(p.name())).toList();
    }

    static String literal(PropertySpec property) {
        Object value = VALUES.get(property.name());
        if (value == null) {
            throw new IllegalStateException("no example value for " + property.name() + ": add one to ExampleValues");
        }
        return property.type() == PropertyType.INTEGER ? value.toString() : "\"" + value + "\"";
    }
}

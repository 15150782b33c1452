package com.vpssnap.provider.docs;

import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.PropertyType;

import java.util.List;

/** The sample values the specs give their inputs, and how each language writes them. */
final class ExampleValues {
    private ExampleValues() {
    }

    /** The inputs an example sets: those with a sample value (revertTrigger is written by each example). */
    static List<PropertySpec> shown(List<PropertySpec> inputs) {
        return inputs.stream().filter(p -> p.example() != null).toList();
    }

    static String literal(PropertySpec property) {
        Object value = property.example();
        return property.type() == PropertyType.INTEGER ? value.toString() : "\"" + value + "\"";
    }
}

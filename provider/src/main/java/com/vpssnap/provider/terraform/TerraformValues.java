package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.spec.Names;
import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Moves values between Terraform's snake_case objects and the core's camelCase {@link Props}. */
final class TerraformValues {
    private TerraformValues() {
    }

    /** The given properties of a Terraform object as core props (nulls dropped, unknowns kept). */
    static Props toProps(Map<String, Object> object, List<PropertySpec> specs) {
        Props.Builder props = Props.builder();
        for (PropertySpec p : specs) {
            props.put(p.name(), object.get(p.terraformName()));
        }
        return props.build();
    }

    /** A Terraform object with every attribute of the specs set from the props (absent is null). */
    static Map<String, Object> toObject(Props props, List<PropertySpec> specs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (PropertySpec p : specs) {
            object.put(p.terraformName(), toTerraform(props.get(p.name())));
        }
        return object;
    }

    /** A resource's whole Terraform value: id, every attribute, and the timeouts block as given. */
    static Map<String, Object> resourceState(ResourceSpec spec, Object id, Props props, Object timeouts) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(TerraformSchema.ID, id);
        state.putAll(toObject(props, spec.properties()));
        state.put(TerraformSchema.TIMEOUTS, timeouts);
        return state;
    }

    /** Nested objects (function results) use snake_case keys too. */
    @SuppressWarnings("unchecked")
    private static Object toTerraform(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(TerraformValues::toTerraform).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(Names.snakeCase(k), toTerraform(v)));
            return out;
        }
        return value;
    }
}

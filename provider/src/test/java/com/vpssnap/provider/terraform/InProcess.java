package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ApplyResourceChange;
import com.vpssnap.provider.terraform.proto.Tfplugin6.Diagnostic;
import com.vpssnap.provider.terraform.proto.Tfplugin6.DynamicValue;
import com.vpssnap.provider.terraform.proto.Tfplugin6.PlanResourceChange;
import com.vpssnap.provider.testsupport.EmulatorFixture;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the in-process adapter tests share: a session's environment pointing at the emulator, whole
 * cty values built from a few attributes, and diagnostics as text.
 */
final class InProcess {
    private InProcess() {
    }

    /** Both clouds' endpoints on the emulator, and their tokens; {@code overrides} replace any. */
    static Map<String, String> environment(EmulatorFixture emulator, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "VPSSNAP_LOCAWEB_ENDPOINT", emulator.locawebEndpoint(), "VPSSNAP_LOCAWEB_TOKEN", EmulatorFixture.LOCAWEB_TOKEN,
                "VPSSNAP_VPSORG_ENDPOINT", emulator.vpsorgEndpoint(), "VPSSNAP_VPSORG_TOKEN", EmulatorFixture.VPSORG_TOKEN));
        env.putAll(overrides);
        return env;
    }

    /** A resource's whole value as the engine sends it: every attribute, null unless given. */
    static DynamicValue resourceValue(ResourceSpec spec, Map<String, Object> given) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put(TerraformSchema.ID, null);
        spec.properties().forEach(p -> value.put(p.terraformName(), null));
        value.put(TerraformSchema.TIMEOUTS, null);
        value.putAll(given);
        return DynamicValues.dynamic(value, TerraformSchema.resourceType(spec));
    }

    static Map<String, Object> resourceObject(ResourceSpec spec, DynamicValue value) {
        return DynamicValues.object(value, TerraformSchema.resourceType(spec));
    }

    static DynamicValue nothing(CtyType type) {
        return DynamicValues.dynamic(null, type);
    }

    /** A plan request as the engine sends it: the config is the proposed value. */
    static PlanResourceChange.Request plan(String type, DynamicValue prior, DynamicValue proposed) {
        return PlanResourceChange.Request.newBuilder().setTypeName(type).setPriorState(prior).setProposedNewState(proposed)
                .setConfig(proposed).build();
    }

    static ApplyResourceChange.Request apply(String type, DynamicValue prior, DynamicValue planned, DynamicValue config) {
        return ApplyResourceChange.Request.newBuilder().setTypeName(type).setPriorState(prior).setPlannedState(planned)
                .setConfig(config).build();
    }

    /** "summary: detail" of each diagnostic, for messages and matching. */
    static String text(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.getSummary() + ": " + d.getDetail()).collect(Collectors.joining("\n"));
    }
}

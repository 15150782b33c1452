package com.vpssnap.provider.terraform;

import com.vpssnap.provider.terraform.proto.Tfplugin6.AttributePath;
import com.vpssnap.provider.terraform.proto.Tfplugin6.Diagnostic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A resource's {@code timeouts} block: each operation's limit, and the durations it refuses. */
final class TimeoutsBlock {
    private TimeoutsBlock() {
    }

    /** The limit of one operation: the block's duration for it when the value has one, else the fallback. */
    static Duration limit(Map<String, Object> value, String kind, Duration fallback) {
        if (value != null && value.get(TerraformSchema.TIMEOUTS) instanceof Map<?, ?> timeouts
                && timeouts.get(kind) instanceof String text) {
            return GoDuration.parse(text, "timeouts." + kind);
        }
        return fallback;
    }

    /** One error per duration that does not parse, at its attribute in the block. */
    static List<Diagnostic> problems(Map<String, Object> config) {
        if (!(config.get(TerraformSchema.TIMEOUTS) instanceof Map<?, ?> timeouts)) {
            return List.of();
        }
        return TerraformSchema.TIMEOUT_KINDS.stream().filter(k -> timeouts.get(k) instanceof String).flatMap(k -> {
            try {
                GoDuration.parse((String) timeouts.get(k), "timeouts." + k);
                return Stream.<Diagnostic>empty();
            } catch (IllegalArgumentException e) {
                return Stream.of(Diagnostic.newBuilder().setSeverity(Diagnostic.Severity.ERROR)
                        .setSummary("Invalid timeout").setDetail(e.getMessage())
                        .setAttribute(AttributePath.newBuilder()
                                .addSteps(AttributePath.Step.newBuilder().setAttributeName(TerraformSchema.TIMEOUTS))
                                .addSteps(AttributePath.Step.newBuilder().setAttributeName(k))).build());
            }
        }).toList();
    }
}

package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.CheckResult;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.SnapshotFunction;
import com.vpssnap.provider.core.spec.Timeouts;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ReadDataSource;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ValidateDataResourceConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static com.vpssnap.provider.terraform.DynamicValues.dynamic;
import static com.vpssnap.provider.terraform.DynamicValues.object;

/** Data sources: the core's {@link SnapshotFunction}s, validated and read. */
final class TerraformDataSources {
    private final ConfiguredProvider provider;

    TerraformDataSources(ConfiguredProvider provider) {
        this.provider = provider;
    }

    ValidateDataResourceConfig.Response validate(ValidateDataResourceConfig.Request request) {
        SnapshotFunction function = provider.function(request.getTypeName());
        Map<String, Object> config = object(request.getConfig(), TerraformSchema.dataSourceType(function.spec()));
        CheckResult checked = function.check(TerraformValues.toProps(config, function.spec().inputs()));
        return ValidateDataResourceConfig.Response.newBuilder().addAllDiagnostics(Diagnostics.of(checked.failures())).build();
    }

    ReadDataSource.Response read(ReadDataSource.Request request) {
        SnapshotFunction function = provider.function(request.getTypeName());
        CtyType type = TerraformSchema.dataSourceType(function.spec());
        Map<String, Object> config = object(request.getConfig(), type);
        CheckResult checked = function.check(TerraformValues.toProps(config, function.spec().inputs()));
        if (!checked.ok()) {
            return ReadDataSource.Response.newBuilder().addAllDiagnostics(Diagnostics.of(checked.failures())).build();
        }
        Props result = function.invoke(checked.inputs(), provider.operation(null, "update", Timeouts.SNAPSHOT.read()));
        Map<String, Object> state = new LinkedHashMap<>();
        // The id names what was listed: the first input given (the server), or "all".
        Object scope = config.values().stream().filter(Objects::nonNull).findFirst().orElse("all");
        state.put(TerraformSchema.ID, String.valueOf(scope));
        state.putAll(TerraformValues.toObject(result, function.spec().inputs()));
        state.putAll(TerraformValues.toObject(result, function.spec().outputs()));
        return ReadDataSource.Response.newBuilder().setState(dynamic(state, type)).build();
    }
}

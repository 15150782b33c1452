package com.vpssnap.provider.terraform;

import com.vpssnap.provider.cloud.wait.ProgressListener;
import com.vpssnap.provider.core.CheckResult;
import com.vpssnap.provider.core.InvalidInputException;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.SnapshotAction;
import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ActionSchema;
import com.vpssnap.provider.terraform.proto.Tfplugin6.DynamicValue;
import com.vpssnap.provider.terraform.proto.Tfplugin6.InvokeAction;
import com.vpssnap.provider.terraform.proto.Tfplugin6.PlanAction;
import com.vpssnap.provider.terraform.proto.Tfplugin6.Schema;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ValidateActionConfig;
import io.grpc.stub.StreamObserver;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import static com.vpssnap.provider.terraform.DynamicValues.object;

/**
 * Actions (protocol 6.10): validate, plan and invoke one of the core's {@link SnapshotAction}s.
 * An invoke streams a progress event for each "still waiting" the core reports, then one
 * completed event that carries the failure, if any, as diagnostics.
 */
final class TerraformActions {
    private final Function<String, SnapshotAction> actions;
    private final BiFunction<SnapshotAction, ProgressListener, Operation> operations;

    /** @param operations the limit and cancellation of one invoke, reporting to the listener */
    TerraformActions(Function<String, SnapshotAction> actions, BiFunction<SnapshotAction, ProgressListener, Operation> operations) {
        this.actions = actions;
        this.operations = operations;
    }

    static ActionSchema schema(ActionSpec spec) {
        Schema.Block.Builder block = Schema.Block.newBuilder().setDescription(spec.description());
        spec.config().forEach(p -> block.addAttributes(TerraformSchema.attribute(p)));
        return ActionSchema.newBuilder().setSchema(Schema.newBuilder().setBlock(block)).build();
    }

    ValidateActionConfig.Response validate(ValidateActionConfig.Request request) {
        SnapshotAction action = actions.apply(request.getTypeName());
        CheckResult checked = action.check(config(action, request.getConfig()));
        return ValidateActionConfig.Response.newBuilder().addAllDiagnostics(Diagnostics.of(checked.failures())).build();
    }

    /** Nothing to predict beyond the configuration's own rules: a plan validates it again with what is known now. */
    PlanAction.Response plan(PlanAction.Request request) {
        SnapshotAction action = actions.apply(request.getActionType());
        CheckResult checked = action.check(config(action, request.getConfig()));
        return PlanAction.Response.newBuilder().addAllDiagnostics(Diagnostics.of(checked.failures())).build();
    }

    void invoke(InvokeAction.Request request, StreamObserver<InvokeAction.Event> out) {
        InvokeAction.Event.Completed.Builder completed = InvokeAction.Event.Completed.newBuilder();
        String server = null;
        try {
            SnapshotAction action = actions.apply(request.getActionType());
            Props config = config(action, request.getConfig());
            server = action.server(config);
            ProgressListener progress = (subject, status, elapsed) -> out.onNext(InvokeAction.Event.newBuilder()
                    .setProgress(InvokeAction.Event.Progress.newBuilder().setMessage(message(subject, status, elapsed))).build());
            action.invoke(config, operations.apply(action, progress));
        } catch (RuntimeException e) {
            String on = server == null || e instanceof InvalidInputException ? "" : " on " + server;
            // Terraform names the action and its caller, not the server: a failed final snapshot says where.
            Replies.diagnostics(e).forEach(d -> completed.addDiagnostics(d.toBuilder().setSummary(d.getSummary() + on)));
        }
        out.onNext(InvokeAction.Event.newBuilder().setCompleted(completed).build());
        out.onCompleted();
    }

    private static String message(String subject, String status, Duration elapsed) {
        return subject + ": " + status + (elapsed.isZero() ? "" : " (" + elapsed.toSeconds() + "s)");
    }

    private static Props config(SnapshotAction action, DynamicValue value) {
        CtyType type = TerraformSchema.objectType(action.spec().config());
        Map<String, Object> config = object(value, type);
        return config == null ? Props.empty() : TerraformValues.toProps(config, action.spec().config());
    }
}

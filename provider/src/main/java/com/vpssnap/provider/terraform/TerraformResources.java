package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.Created;
import com.vpssnap.provider.core.DiffResult;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.PartialCreateException;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.ReadResult;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.core.Spelling;
import com.vpssnap.provider.core.Unknown;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.terraform.cty.CtyJson;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ApplyResourceChange;
import com.vpssnap.provider.terraform.proto.Tfplugin6.AttributePath;
import com.vpssnap.provider.terraform.proto.Tfplugin6.Diagnostic;
import com.vpssnap.provider.terraform.proto.Tfplugin6.DynamicValue;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ImportResourceState;
import com.vpssnap.provider.terraform.proto.Tfplugin6.PlanResourceChange;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ReadResource;
import com.vpssnap.provider.terraform.proto.Tfplugin6.UpgradeResourceIdentity;
import com.vpssnap.provider.terraform.proto.Tfplugin6.UpgradeResourceState;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ValidateResourceConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.vpssnap.provider.terraform.DynamicValues.dynamic;
import static com.vpssnap.provider.terraform.DynamicValues.object;

/**
 * Managed resources: each RPC decodes the cty values, asks the core's {@link SnapshotResource}
 * (which plans and decides), and encodes its answer. A failure is thrown; the service turns it into
 * the response's diagnostics.
 */
final class TerraformResources {
    private final ConfiguredProvider provider;

    TerraformResources(ConfiguredProvider provider) {
        this.provider = provider;
    }

    ValidateResourceConfig.Response validate(ValidateResourceConfig.Request request) {
        SnapshotResource resource = provider.resource(request.getTypeName());
        Map<String, Object> config = object(request.getConfig(), TerraformSchema.resourceType(resource.spec()));
        List<Diagnostic> inputs = Diagnostics.of(resource.check(inputs(config, resource.spec())).failures());
        return ValidateResourceConfig.Response.newBuilder().addAllDiagnostics(inputs)
                .addAllDiagnostics(TimeoutsBlock.problems(config)).build();
    }

    /** Schema version 0 is the only one so far: the stored JSON is re-encoded as it is. */
    UpgradeResourceState.Response upgradeState(UpgradeResourceState.Request request) {
        CtyType type = TerraformSchema.resourceType(provider.resource(request.getTypeName()).spec());
        Object state = CtyJson.decode(request.getRawState().getJson().toByteArray(), type);
        return UpgradeResourceState.Response.newBuilder().setUpgradedState(dynamic(state, type)).build();
    }

    UpgradeResourceIdentity.Response upgradeIdentity(UpgradeResourceIdentity.Request request) {
        return TerraformIdentity.upgrade(provider.resource(request.getTypeName()), request);
    }

    /** A refresh: the snapshot as the cloud has it now, or a null state when it is gone. */
    ReadResource.Response read(ReadResource.Request request) {
        SnapshotResource resource = provider.resource(request.getTypeName());
        ResourceSpec spec = resource.spec();
        CtyType type = TerraformSchema.resourceType(spec);
        Map<String, Object> current = object(request.getCurrentState(), type);
        Optional<ReadResult> read = resource.read((String) current.get(TerraformSchema.ID),
                TerraformValues.toProps(current, spec.properties()), provider.operation(current, "update", spec));
        Object next = read.map(r -> TerraformValues.resourceState(spec, r.id(), r.state(), current.get(TerraformSchema.TIMEOUTS)))
                .orElse(null);
        ReadResource.Response.Builder response = ReadResource.Response.newBuilder().setNewState(dynamic(next, type))
                .setPrivate(request.getPrivate());
        read.flatMap(r -> TerraformIdentity.of(resource, r.state())).ifPresent(response::setNewIdentity);
        return response.build();
    }

    /** A plan's or an apply's resource and its two values (null: absent, a create's prior or a destroy's next). */
    private record Change(SnapshotResource resource, ResourceSpec spec, CtyType type, Map<String, Object> prior,
                          Map<String, Object> next) {
        /** The snapshot's id, from the prior state. */
        String id() {
            return (String) prior.get(TerraformSchema.ID);
        }
    }

    private Change change(String typeName, DynamicValue prior, DynamicValue next) {
        SnapshotResource resource = provider.resource(typeName);
        CtyType type = TerraformSchema.resourceType(resource.spec());
        return new Change(resource, resource.spec(), type, object(prior, type), object(next, type));
    }

    PlanResourceChange.Response plan(PlanResourceChange.Request request) {
        Change c = change(request.getTypeName(), request.getPriorState(), request.getProposedNewState());
        PlanResourceChange.Response.Builder response = PlanResourceChange.Response.newBuilder();
        if (c.next() == null) {
            return response.setPlannedState(request.getProposedNewState()).build(); // a destroy
        }
        Props newInputs = c.resource().check(inputs(c.next(), c.spec())).inputs();
        Object timeouts = c.next().get(TerraformSchema.TIMEOUTS);
        if (c.prior() == null) {
            return response.setPlannedState(dynamic(TerraformValues.resourceState(c.spec(), Unknown.VALUE,
                    c.resource().preview(newInputs), timeouts), c.type())).build();
        }
        Props priorState = TerraformValues.toProps(c.prior(), c.spec().properties());
        DiffResult diff = c.resource().diff(c.id(), priorState, newInputs);
        Map<String, Object> planned;
        if (!diff.replaces().isEmpty()) {
            planned = TerraformValues.resourceState(c.spec(), Unknown.VALUE, c.resource().preview(newInputs), timeouts);
            diff.replaces().forEach(name -> response.addRequiresReplace(AttributePath.newBuilder()
                    .addSteps(AttributePath.Step.newBuilder().setAttributeName(Spelling.TERRAFORM.name(name)))));
        } else {
            planned = TerraformValues.resourceState(c.spec(), c.id(), c.resource().previewUpdate(priorState, newInputs), timeouts);
            // An update in place is the same snapshot: its identity stays. A new one's is known after apply.
            TerraformIdentity.of(c.resource(), priorState).ifPresent(response::setPlannedIdentity);
        }
        return response.setPlannedState(dynamic(planned, c.type())).setPlannedPrivate(request.getPriorPrivate()).build();
    }

    ApplyResourceChange.Response apply(ApplyResourceChange.Request request) {
        Change c = change(request.getTypeName(), request.getPriorState(), request.getPlannedState());
        ApplyResourceChange.Response.Builder response = ApplyResourceChange.Response.newBuilder();
        if (c.next() == null) {
            c.resource().delete(c.id(), TerraformValues.toProps(c.prior(), c.spec().properties()),
                    provider.operation(c.prior(), "delete", c.spec()));
            return response.setNewState(dynamic(null, c.type())).build();
        }
        Object timeouts = c.next().get(TerraformSchema.TIMEOUTS);
        Props inputs = c.resource().check(inputs(c.next(), c.spec())).inputs();
        if (c.prior() == null) {
            return create(c.resource(), inputs, provider.operation(c.next(), "create", c.spec()), timeouts, response);
        }
        Props next = c.resource().update(c.id(), TerraformValues.toProps(c.prior(), c.spec().properties()), inputs,
                provider.operation(c.next(), "update", c.spec()));
        TerraformIdentity.of(c.resource(), next).ifPresent(response::setNewIdentity);
        return response.setNewState(dynamic(TerraformValues.resourceState(c.spec(), c.id(), next, timeouts), c.type())).build();
    }

    private static ApplyResourceChange.Response create(SnapshotResource resource, Props inputs, Operation operation, Object timeouts,
                                                       ApplyResourceChange.Response.Builder response) {
        ResourceSpec spec = resource.spec();
        CtyType type = TerraformSchema.resourceType(spec);
        try {
            Created created = resource.create(inputs, operation);
            TerraformIdentity.of(resource, created.state()).ifPresent(response::setNewIdentity);
            return response.setNewState(dynamic(TerraformValues.resourceState(spec, created.id(), created.state(), timeouts), type)).build();
        } catch (PartialCreateException e) {
            // State plus an error: Terraform keeps the snapshot, tainted, instead of losing it.
            TerraformIdentity.of(resource, e.state()).ifPresent(response::setNewIdentity);
            return response.setNewState(dynamic(TerraformValues.resourceState(spec, e.id(), e.state(), timeouts), type))
                    .addDiagnostics(Diagnostics.error("Snapshot created but not ready", e.getMessage())).build();
        }
    }

    /** By the id `tofu import` takes, or by the identity an `import` block gives (protocol 6.9). */
    ImportResourceState.Response importState(ImportResourceState.Request request) {
        SnapshotResource resource = provider.resource(request.getTypeName());
        ResourceSpec spec = resource.spec();
        Operation reading = provider.operation(null, "update", spec.timeouts().read());
        Props identity = request.getId().isEmpty() ? TerraformIdentity.decode(resource, request.getIdentity()) : null;
        Optional<ReadResult> read = identity != null ? resource.readByIdentity(identity, reading)
                : resource.read(request.getId(), Props.empty(), reading);
        if (read.isEmpty()) {
            String named = identity != null ? "identity " + TerraformValues.toObject(identity, spec.identity())
                    : "id \"" + request.getId() + "\"; the id is " + spec.importIdFormat();
            return ImportResourceState.Response.newBuilder().addDiagnostics(Diagnostics.error("Cannot import",
                    "no " + request.getTypeName() + " with " + named)).build();
        }
        CtyType type = TerraformSchema.resourceType(spec);
        ImportResourceState.ImportedResource.Builder imported = ImportResourceState.ImportedResource.newBuilder()
                .setTypeName(request.getTypeName())
                .setState(dynamic(TerraformValues.resourceState(spec, read.get().id(), read.get().state(), null), type));
        TerraformIdentity.of(resource, read.get().state()).ifPresent(imported::setIdentity);
        return ImportResourceState.Response.newBuilder().addImportedResources(imported).build();
    }

    private static Props inputs(Map<String, Object> object, ResourceSpec spec) {
        return TerraformValues.toProps(object, spec.inputs());
    }
}

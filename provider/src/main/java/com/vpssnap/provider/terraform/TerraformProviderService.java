package com.vpssnap.provider.terraform;

import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.cloud.wait.ProgressListener;
import com.vpssnap.provider.core.CheckResult;
import com.vpssnap.provider.core.Clouds;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.ConfigSpelling;
import com.vpssnap.provider.core.Created;
import com.vpssnap.provider.core.DiffResult;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.core.PartialCreateException;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.ProviderConfig;
import com.vpssnap.provider.core.ProviderException;
import com.vpssnap.provider.core.ReadResult;
import com.vpssnap.provider.core.SnapshotAction;
import com.vpssnap.provider.core.SnapshotFunction;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.core.Spelling;
import com.vpssnap.provider.core.Unknown;
import com.vpssnap.provider.core.VpssnapProvider;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.core.spec.Timeouts;
import com.vpssnap.provider.terraform.cty.CtyJson;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.ProviderGrpc;
import com.vpssnap.provider.terraform.proto.Tfplugin6.*;
import io.grpc.stub.StreamObserver;

import static com.vpssnap.provider.terraform.DynamicValues.dynamic;
import static com.vpssnap.provider.terraform.DynamicValues.object;
import static com.vpssnap.provider.terraform.Replies.guard;
import static com.vpssnap.provider.terraform.Replies.reply;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * tfplugin6.Provider over the core: decodes cty values, calls the core, encodes the results and
 * turns failures into diagnostics. Plans and decisions are the core's.
 */
final class TerraformProviderService extends ProviderGrpc.ProviderImplBase {
    private static final Logger LOG = Logger.getLogger(TerraformProviderService.class.getName());
    /**
     * What the engine may count on (docs/guides/terraform.md, "Protocol capabilities"). Only
     * get_provider_schema_optional: the schema is fixed per package and no RPC needs
     * GetProviderSchema first, so an engine may reuse the schema its first plugin start answered.
     * Not plan_destroy (a destroy plan has nothing to decide), move_resource_state or
     * generate_resource_config (neither RPC is served).
     */
    static final ServerCapabilities CAPABILITIES = ServerCapabilities.newBuilder().setGetProviderSchemaOptional(true).build();
    private final Map<String, String> environment;
    private final Cancellation cancellation = new Cancellation();
    private volatile VpssnapProvider provider;
    private final TerraformListResources lists = new TerraformListResources(this::resource,
            r -> operation(null, "update", r.spec().timeouts().read()));

    private final TerraformActions actions = new TerraformActions(this::action, (action, progress) ->
            Operation.within(Timeouts.SNAPSHOT.create().plus(Timeouts.SNAPSHOT.delete()), cancellation, progress));

    TerraformProviderService(Map<String, String> environment) {
        this.environment = environment;
        this.provider = VpssnapProvider.configure(
                ProviderConfig.resolve(Map.of(), environment, ConfigSpelling.TERRAFORM), cancellation);
    }

    Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public void getMetadata(GetMetadata.Request request, StreamObserver<GetMetadata.Response> out) {
        GetMetadata.Response.Builder response = GetMetadata.Response.newBuilder().setServerCapabilities(CAPABILITIES);
        PackageInfo.RESOURCES.forEach(r -> response.addResources(
                GetMetadata.ResourceMetadata.newBuilder().setTypeName(r.terraformType())));
        PackageInfo.FUNCTIONS.forEach(f -> response.addDataSources(
                GetMetadata.DataSourceMetadata.newBuilder().setTypeName(f.terraformType())));
        PackageInfo.RESOURCES.forEach(r -> response.addListResources(
                GetMetadata.ListResourceMetadata.newBuilder().setTypeName(r.terraformType())));
        PackageInfo.ACTIONS.forEach(a -> response.addActions(GetMetadata.ActionMetadata.newBuilder().setTypeName(a.terraformType())));
        reply(out, response.build());
    }

    @Override
    public void getProviderSchema(GetProviderSchema.Request request, StreamObserver<GetProviderSchema.Response> out) {
        LOG.fine("GetProviderSchema");
        GetProviderSchema.Response.Builder response = GetProviderSchema.Response.newBuilder()
                .setServerCapabilities(CAPABILITIES).setProvider(TerraformSchema.provider());
        PackageInfo.RESOURCES.forEach(r -> response.putResourceSchemas(r.terraformType(), TerraformSchema.resource(r)));
        PackageInfo.FUNCTIONS.forEach(f -> response.putDataSourceSchemas(f.terraformType(), TerraformSchema.dataSource(f)));
        // An engine without list resources (tofu 1.12, terraform before 1.14) skips the field it does not know.
        PackageInfo.RESOURCES.forEach(r -> response.putListResourceSchemas(r.terraformType(),
                TerraformSchema.listResource(r)));
        PackageInfo.ACTIONS.forEach(a -> response.putActionSchemas(a.terraformType(), TerraformActions.schema(a)));
        reply(out, response.build());
    }

    @Override
    public void getResourceIdentitySchemas(GetResourceIdentitySchemas.Request request,
                                           StreamObserver<GetResourceIdentitySchemas.Response> out) {
        GetResourceIdentitySchemas.Response.Builder response = GetResourceIdentitySchemas.Response.newBuilder();
        PackageInfo.RESOURCES.forEach(r -> response.putIdentitySchemas(r.terraformType(),
                TerraformSchema.identity(r)));
        reply(out, response.build());
    }

    @Override
    public void upgradeResourceIdentity(UpgradeResourceIdentity.Request request,
                                        StreamObserver<UpgradeResourceIdentity.Response> out) {
        guard(out, () -> TerraformIdentity.upgrade(resource(request.getTypeName()), request),
                d -> UpgradeResourceIdentity.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void validateListResourceConfig(ValidateListResourceConfig.Request request,
                                           StreamObserver<ValidateListResourceConfig.Response> out) {
        guard(out, () -> lists.validate(request), d -> ValidateListResourceConfig.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void validateActionConfig(ValidateActionConfig.Request request, StreamObserver<ValidateActionConfig.Response> out) {
        guard(out, () -> actions.validate(request), d -> ValidateActionConfig.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void planAction(PlanAction.Request request, StreamObserver<PlanAction.Response> out) {
        guard(out, () -> actions.plan(request), d -> PlanAction.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void invokeAction(InvokeAction.Request request, StreamObserver<InvokeAction.Event> out) {
        actions.invoke(request, out);
    }

    @Override
    public void listResource(ListResource.Request request, StreamObserver<ListResource.Event> out) {
        lists.list(request, out);
    }

    @Override
    public void validateProviderConfig(ValidateProviderConfig.Request request,
                                       StreamObserver<ValidateProviderConfig.Response> out) {
        guard(out, () -> {
            Map<String, Object> config = object(request.getConfig(), TerraformSchema.providerType());
            List<Diagnostic> diagnostics = Diagnostics.of(ProviderConfig.resolve(given(config), environment,
                    ConfigSpelling.TERRAFORM).validateEndpoints());
            return ValidateProviderConfig.Response.newBuilder().addAllDiagnostics(diagnostics).build();
        }, d -> ValidateProviderConfig.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void configureProvider(ConfigureProvider.Request request, StreamObserver<ConfigureProvider.Response> out) {
        guard(out, () -> {
            Map<String, Object> config = object(request.getConfig(), TerraformSchema.providerType());
            ProviderConfig resolved = ProviderConfig.resolve(given(config), environment, ConfigSpelling.TERRAFORM);
            provider = VpssnapProvider.configure(resolved, cancellation);
            return ConfigureProvider.Response.newBuilder().addAllDiagnostics(Diagnostics.of(resolved.validateEndpoints())).build();
        }, d -> ConfigureProvider.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void validateResourceConfig(ValidateResourceConfig.Request request,
                                       StreamObserver<ValidateResourceConfig.Response> out) {
        guard(out, () -> {
            SnapshotResource resource = resource(request.getTypeName());
            Map<String, Object> config = object(request.getConfig(), TerraformSchema.resourceType(resource.spec()));
            List<Diagnostic> diagnostics = Diagnostics.of(resource.check(inputs(config, resource.spec())).failures());
            List<Diagnostic> timeouts = TimeoutsBlock.problems(config);
            return ValidateResourceConfig.Response.newBuilder().addAllDiagnostics(diagnostics).addAllDiagnostics(timeouts).build();
        }, d -> ValidateResourceConfig.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void validateDataResourceConfig(ValidateDataResourceConfig.Request request,
                                           StreamObserver<ValidateDataResourceConfig.Response> out) {
        guard(out, () -> {
            SnapshotFunction function = function(request.getTypeName());
            Map<String, Object> config = object(request.getConfig(), TerraformSchema.dataSourceType(function.spec()));
            CheckResult checked = function.check(TerraformValues.toProps(config, function.spec().inputs()));
            return ValidateDataResourceConfig.Response.newBuilder().addAllDiagnostics(Diagnostics.of(checked.failures())).build();
        }, d -> ValidateDataResourceConfig.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void upgradeResourceState(UpgradeResourceState.Request request,
                                     StreamObserver<UpgradeResourceState.Response> out) {
        guard(out, () -> {
            CtyType type = TerraformSchema.resourceType(resource(request.getTypeName()).spec());
            // Schema version 0 is the only one so far: the stored JSON is re-encoded as it is.
            Object state = CtyJson.decode(request.getRawState().getJson().toByteArray(), type);
            return UpgradeResourceState.Response.newBuilder().setUpgradedState(dynamic(state, type)).build();
        }, d -> UpgradeResourceState.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void readResource(ReadResource.Request request, StreamObserver<ReadResource.Response> out) {
        guard(out, () -> {
            SnapshotResource resource = resource(request.getTypeName());
            CtyType type = TerraformSchema.resourceType(resource.spec());
            Map<String, Object> current = object(request.getCurrentState(), type);
            Optional<ReadResult> read = resource.read((String) current.get(TerraformSchema.ID),
                    TerraformValues.toProps(current, resource.spec().properties()),
                    operation(current, "update", resource.spec()));
            Object next = read.map(r -> TerraformValues.resourceState(resource.spec(), r.id(), r.state(), current.get(TerraformSchema.TIMEOUTS)))
                    .orElse(null);
            ReadResource.Response.Builder response = ReadResource.Response.newBuilder().setNewState(dynamic(next, type))
                    .setPrivate(request.getPrivate());
            read.ifPresent(r -> response.setNewIdentity(TerraformIdentity.of(resource, r.state())));
            return response.build();
        }, d -> ReadResource.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void planResourceChange(PlanResourceChange.Request request, StreamObserver<PlanResourceChange.Response> out) {
        guard(out, () -> {
            SnapshotResource resource = resource(request.getTypeName());
            ResourceSpec spec = resource.spec();
            CtyType type = TerraformSchema.resourceType(spec);
            Map<String, Object> prior = object(request.getPriorState(), type);
            Map<String, Object> proposed = object(request.getProposedNewState(), type);
            PlanResourceChange.Response.Builder response = PlanResourceChange.Response.newBuilder();
            if (proposed == null) {
                return response.setPlannedState(request.getProposedNewState()).build(); // destroy
            }
            Props newInputs = resource.check(inputs(proposed, spec)).inputs();
            Object timeouts = proposed.get(TerraformSchema.TIMEOUTS);
            if (prior == null) {
                return response.setPlannedState(dynamic(TerraformValues.resourceState(spec, Unknown.VALUE, resource.preview(newInputs), timeouts), type))
                        .build();
            }
            Props priorState = TerraformValues.toProps(prior, spec.properties());
            DiffResult diff = resource.diff((String) prior.get(TerraformSchema.ID), priorState, newInputs);
            Map<String, Object> planned;
            if (!diff.replaces().isEmpty()) {
                planned = TerraformValues.resourceState(spec, Unknown.VALUE, resource.preview(newInputs), timeouts);
                diff.replaces().forEach(name -> response.addRequiresReplace(AttributePath.newBuilder()
                        .addSteps(AttributePath.Step.newBuilder().setAttributeName(Spelling.TERRAFORM.name(name)))));
            } else {
                planned = TerraformValues.resourceState(spec, prior.get(TerraformSchema.ID), resource.previewUpdate(priorState, newInputs), timeouts);
                // An update in place is the same snapshot: its identity stays. A new one's is known after apply.
                response.setPlannedIdentity(TerraformIdentity.of(resource, priorState));
            }
            return response.setPlannedState(dynamic(planned, type)).setPlannedPrivate(request.getPriorPrivate()).build();
        }, d -> PlanResourceChange.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void applyResourceChange(ApplyResourceChange.Request request, StreamObserver<ApplyResourceChange.Response> out) {
        guard(out, () -> {
            SnapshotResource resource = resource(request.getTypeName());
            ResourceSpec spec = resource.spec();
            CtyType type = TerraformSchema.resourceType(spec);
            Map<String, Object> prior = object(request.getPriorState(), type);
            Map<String, Object> planned = object(request.getPlannedState(), type);
            ApplyResourceChange.Response.Builder response = ApplyResourceChange.Response.newBuilder();
            if (planned == null) {
                resource.delete((String) prior.get(TerraformSchema.ID), TerraformValues.toProps(prior, spec.properties()),
                        operation(prior, "delete", spec));
                return response.setNewState(dynamic(null, type)).build();
            }
            Object timeouts = planned.get(TerraformSchema.TIMEOUTS);
            Props inputs = resource.check(inputs(planned, spec)).inputs();
            if (prior == null) {
                try {
                    Created created = resource.create(inputs, operation(planned, "create", spec));
                    return response.setNewState(dynamic(TerraformValues.resourceState(spec, created.id(), created.state(), timeouts), type))
                            .setNewIdentity(TerraformIdentity.of(resource, created.state())).build();
                } catch (PartialCreateException e) {
                    // State plus an error: Terraform keeps the snapshot, tainted, instead of losing it.
                    return response.setNewState(dynamic(TerraformValues.resourceState(spec, e.id(), e.state(), timeouts), type))
                            .setNewIdentity(TerraformIdentity.of(resource, e.state()))
                            .addDiagnostics(Diagnostics.error("Snapshot created but not ready", e.getMessage())).build();
                }
            }
            String id = (String) prior.get(TerraformSchema.ID);
            Props next = resource.update(id, TerraformValues.toProps(prior, spec.properties()), inputs, operation(planned, "update", spec));
            return response.setNewState(dynamic(TerraformValues.resourceState(spec, id, next, timeouts), type))
                    .setNewIdentity(TerraformIdentity.of(resource, next)).build();
        }, d -> ApplyResourceChange.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void importResourceState(ImportResourceState.Request request, StreamObserver<ImportResourceState.Response> out) {
        guard(out, () -> {
            SnapshotResource resource = resource(request.getTypeName());
            Operation reading = operation(null, "update", resource.spec().timeouts().read());
            Props identity = request.getId().isEmpty() ? TerraformIdentity.decode(resource, request.getIdentity()) : null;
            Optional<ReadResult> read = identity != null ? resource.readByIdentity(identity, reading)
                    : resource.read(request.getId(), Props.empty(), reading);
            if (read.isEmpty()) {
                String named = identity != null ? "identity " + TerraformValues.toObject(identity, resource.spec().identity())
                        : "id \"" + request.getId() + "\"; the id is " + resource.spec().importIdFormat();
                return ImportResourceState.Response.newBuilder().addDiagnostics(Diagnostics.error("Cannot import",
                        "no " + request.getTypeName() + " with " + named)).build();
            }
            CtyType type = TerraformSchema.resourceType(resource.spec());
            return ImportResourceState.Response.newBuilder().addImportedResources(ImportResourceState.ImportedResource
                    .newBuilder().setTypeName(request.getTypeName())
                    .setState(dynamic(TerraformValues.resourceState(resource.spec(), read.get().id(), read.get().state(), null), type))
                    .setIdentity(TerraformIdentity.of(resource, read.get().state()))).build();
        }, d -> ImportResourceState.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void readDataSource(ReadDataSource.Request request, StreamObserver<ReadDataSource.Response> out) {
        guard(out, () -> {
            SnapshotFunction function = function(request.getTypeName());
            CtyType type = TerraformSchema.dataSourceType(function.spec());
            Map<String, Object> config = object(request.getConfig(), type);
            CheckResult checked = function.check(TerraformValues.toProps(config, function.spec().inputs()));
            if (!checked.ok()) {
                return ReadDataSource.Response.newBuilder().addAllDiagnostics(Diagnostics.of(checked.failures())).build();
            }
            Props result = function.invoke(checked.inputs(), operation(null, "update", Timeouts.SNAPSHOT.read()));
            Map<String, Object> state = new LinkedHashMap<>();
            Object scope = config.values().stream().filter(v -> v != null).findFirst().orElse("all");
            state.put(TerraformSchema.ID, String.valueOf(scope));
            state.putAll(TerraformValues.toObject(result, function.spec().inputs()));
            state.putAll(TerraformValues.toObject(result, function.spec().outputs()));
            return ReadDataSource.Response.newBuilder().setState(dynamic(state, type)).build();
        }, d -> ReadDataSource.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void stopProvider(StopProvider.Request request, StreamObserver<StopProvider.Response> out) {
        LOG.info("StopProvider: cancelling every wait");
        cancellation.cancel();
        reply(out, StopProvider.Response.getDefaultInstance());
    }

    private SnapshotResource resource(String type) {
        return provider.resourceByTerraformType(type).orElseThrow(() ->
                new ProviderException("unknown resource type " + type));
    }

    private SnapshotAction action(String type) {
        return provider.actionByTerraformType(type).orElseThrow(() ->
                new ProviderException("unknown action " + type));
    }

    private SnapshotFunction function(String type) {
        return provider.functionByTerraformType(type).orElseThrow(() ->
                new ProviderException("unknown data source " + type));
    }

    private static Props inputs(Map<String, Object> object, ResourceSpec spec) {
        return TerraformValues.toProps(object, spec.inputs());
    }

    /** The operation's limit: the configuration's timeouts block, else the resource's default. */
    private Operation operation(Map<String, Object> value, String kind, ResourceSpec spec) {
        return operation(value, kind, spec.timeouts().byOperation().get(kind));
    }

    private Operation operation(Map<String, Object> value, String kind, Duration fallback) {
        return Operation.within(TimeoutsBlock.limit(value, kind, fallback), cancellation, ProgressListener.NONE);
    }

    private static Map<ConfigKey, String> given(Map<String, Object> config) {
        Map<ConfigKey, String> given = new LinkedHashMap<>();
        for (ConfigKey key : Clouds.settings()) {
            if (config != null && config.get(key.terraformName()) instanceof String s) {
                given.put(key, s);
            }
        }
        return given;
    }
}

package com.vpssnap.provider.terraform;

import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.spec.Timeouts;
import com.vpssnap.provider.terraform.proto.ProviderGrpc;
import com.vpssnap.provider.terraform.proto.Tfplugin6.*;
import io.grpc.stub.StreamObserver;

import java.util.Map;
import java.util.logging.Logger;

import static com.vpssnap.provider.terraform.Replies.guard;
import static com.vpssnap.provider.terraform.Replies.reply;

/**
 * tfplugin6.Provider: each RPC goes to the class of its family, which translates between the wire
 * and the core; a failure becomes the response's diagnostics ({@link Replies#guard}). Nothing is
 * decided here.
 */
final class TerraformProviderService extends ProviderGrpc.ProviderImplBase {
    private static final Logger LOG = Logger.getLogger(TerraformProviderService.class.getName());
    private final ConfiguredProvider provider;
    private final TerraformProviderSetup setup;
    private final TerraformResources resources;
    private final TerraformDataSources dataSources;
    private final TerraformListResources lists;
    private final TerraformActions actions;

    TerraformProviderService(Map<String, String> environment) {
        this.provider = new ConfiguredProvider(environment);
        this.setup = new TerraformProviderSetup(provider);
        this.resources = new TerraformResources(provider);
        this.dataSources = new TerraformDataSources(provider);
        this.lists = new TerraformListResources(provider::resource, r -> provider.operation(null, "update", r.spec().timeouts().read()));
        this.actions = new TerraformActions(provider::action, (action, progress) -> Operation.within(
                Timeouts.SNAPSHOT.create().plus(Timeouts.SNAPSHOT.delete()), provider.cancellation(), progress));
    }

    Cancellation cancellation() {
        return provider.cancellation();
    }

    @Override
    public void getMetadata(GetMetadata.Request request, StreamObserver<GetMetadata.Response> out) {
        reply(out, TerraformCatalog.metadata());
    }

    @Override
    public void getProviderSchema(GetProviderSchema.Request request, StreamObserver<GetProviderSchema.Response> out) {
        LOG.fine("GetProviderSchema");
        reply(out, TerraformCatalog.providerSchema());
    }

    @Override
    public void getResourceIdentitySchemas(GetResourceIdentitySchemas.Request request,
                                           StreamObserver<GetResourceIdentitySchemas.Response> out) {
        reply(out, TerraformCatalog.identitySchemas());
    }

    @Override
    public void validateProviderConfig(ValidateProviderConfig.Request request, StreamObserver<ValidateProviderConfig.Response> out) {
        guard(out, () -> setup.validate(request), d -> ValidateProviderConfig.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void configureProvider(ConfigureProvider.Request request, StreamObserver<ConfigureProvider.Response> out) {
        guard(out, () -> setup.configure(request), d -> ConfigureProvider.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void validateResourceConfig(ValidateResourceConfig.Request request, StreamObserver<ValidateResourceConfig.Response> out) {
        guard(out, () -> resources.validate(request), d -> ValidateResourceConfig.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void upgradeResourceState(UpgradeResourceState.Request request, StreamObserver<UpgradeResourceState.Response> out) {
        guard(out, () -> resources.upgradeState(request), d -> UpgradeResourceState.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void upgradeResourceIdentity(UpgradeResourceIdentity.Request request, StreamObserver<UpgradeResourceIdentity.Response> out) {
        guard(out, () -> resources.upgradeIdentity(request), d -> UpgradeResourceIdentity.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void readResource(ReadResource.Request request, StreamObserver<ReadResource.Response> out) {
        guard(out, () -> resources.read(request), d -> ReadResource.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void planResourceChange(PlanResourceChange.Request request, StreamObserver<PlanResourceChange.Response> out) {
        guard(out, () -> resources.plan(request), d -> PlanResourceChange.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void applyResourceChange(ApplyResourceChange.Request request, StreamObserver<ApplyResourceChange.Response> out) {
        guard(out, () -> resources.apply(request), d -> ApplyResourceChange.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void importResourceState(ImportResourceState.Request request, StreamObserver<ImportResourceState.Response> out) {
        guard(out, () -> resources.importState(request), d -> ImportResourceState.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void validateDataResourceConfig(ValidateDataResourceConfig.Request request,
                                           StreamObserver<ValidateDataResourceConfig.Response> out) {
        guard(out, () -> dataSources.validate(request), d -> ValidateDataResourceConfig.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void readDataSource(ReadDataSource.Request request, StreamObserver<ReadDataSource.Response> out) {
        guard(out, () -> dataSources.read(request), d -> ReadDataSource.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void validateListResourceConfig(ValidateListResourceConfig.Request request,
                                           StreamObserver<ValidateListResourceConfig.Response> out) {
        guard(out, () -> lists.validate(request), d -> ValidateListResourceConfig.Response.newBuilder().addAllDiagnostics(d).build());
    }

    @Override
    public void listResource(ListResource.Request request, StreamObserver<ListResource.Event> out) {
        lists.list(request, out);
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
    public void stopProvider(StopProvider.Request request, StreamObserver<StopProvider.Response> out) {
        LOG.info("StopProvider: cancelling every wait");
        provider.cancellation().cancel();
        reply(out, StopProvider.Response.getDefaultInstance());
    }
}

package com.vpssnap.provider.pulumi;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Struct;
import com.vpssnap.component.Checkpoint;
import com.vpssnap.component.RollbackPoints;
import com.vpssnap.component.RollbackPointsInputs;
import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.Unknown;
import io.grpc.Status;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Construct for vpssnap:index:RollbackPoints: translates the engine's request into the
 * component's plan (com.vpssnap.component, which decides), then registers the component and one
 * snapshot child per retained checkpoint with the engine's resource monitor. A refused input is
 * an error before anything is registered, so a bad update sends nothing to either cloud.
 */
final class RollbackPointsConstruct {
    private static final String PACKAGE = PackageInfo.NAME;

    private RollbackPointsConstruct() {
    }

    static ConstructResponse construct(ConstructRequest request) throws Exception {
        if (!RollbackPoints.TYPE.equals(request.getType())) {
            throw Status.INVALID_ARGUMENT.withDescription("unknown component type " + request.getType()
                    + "; this provider has " + List.of(RollbackPoints.TYPE)).asRuntimeException();
        }
        Map<String, Object> values = StructCodec.decode(request.getInputs()).asMap();
        if (containsUnknown(values)) {
            // Only a preview can get here (an up waits for every input); which children exist
            // is unknown until the inputs are.
            throw Status.INVALID_ARGUMENT.withDescription(request.getName() + ": the inputs of " + RollbackPoints.TYPE
                    + " must be known when it is registered (plain values, not other resources' outputs): "
                    + unknownNames(values)).asRuntimeException();
        }
        RollbackPoints plan;
        try {
            plan = RollbackPoints.plan(request.getName(), RollbackPointsInputs.of(values, ComponentServers.kinds()));
        } catch (IllegalArgumentException e) {
            // The engine names the resource ("resource 'web' has a problem: ..."); the message names the input.
            throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
        }
        try (ResourceMonitorClient monitor = new ResourceMonitorClient(request.getMonitorEndpoint())) {
            String urn = get(monitor.register(component(request))).getUrn();
            List<RegisterResourceResponse> children = registerChildren(monitor, request, urn, plan.checkpoints());
            Map<String, Object> ids = new LinkedHashMap<>();
            ConstructResponse.PropertyDependencies.Builder dependsOn = ConstructResponse.PropertyDependencies.newBuilder();
            for (int i = 0; i < children.size(); i++) {
                RegisterResourceResponse child = children.get(i);
                // A preview answers no id for a snapshot it has yet to create.
                ids.put(plan.checkpoints().get(i).label(), child.getId().isEmpty() ? Unknown.VALUE : child.getId());
                dependsOn.addUrns(child.getUrn());
            }
            Struct state = StructCodec.encode(Props.of(Map.of("snapshotIds", ids, "latest", plan.latest())));
            monitor.registerOutputs(urn, state);
            return ConstructResponse.newBuilder().setUrn(urn).setState(state)
                    .putStateDependencies("snapshotIds", dependsOn.build()).build();
        }
    }

    /** The component itself, with the options the program gave it. */
    private static RegisterResourceRequest component(ConstructRequest request) {
        RegisterResourceRequest.Builder component = RegisterResourceRequest.newBuilder()
                .setType(request.getType()).setName(request.getName()).setParent(request.getParent())
                .setCustom(false).setObject(Struct.getDefaultInstance())
                .addAllDependencies(request.getDependenciesList())
                .putAllProviders(request.getProvidersMap())
                .addAllAliasURNs(request.getAliasesList())
                .setAcceptSecrets(true).setAcceptResources(true);
        if (request.hasProtect()) {
            component.setProtect(request.getProtect());
        }
        return component.build();
    }

    /** All children at once: the engine runs them in parallel, as it would a program's. */
    private static List<RegisterResourceResponse> registerChildren(ResourceMonitorClient monitor, ConstructRequest request,
                                                                   String parent, List<Checkpoint> checkpoints) throws Exception {
        List<ListenableFuture<RegisterResourceResponse>> pending = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            pending.add(monitor.register(child(request, parent, checkpoint)));
        }
        return get(Futures.allAsList(pending));
    }

    /**
     * One checkpoint's snapshot. Options a component passes down in every Pulumi SDK (provider,
     * protect, retainOnDelete, deletedWith, timeouts) go to each child too.
     */
    private static RegisterResourceRequest child(ConstructRequest request, String parent, Checkpoint checkpoint) {
        RegisterResourceRequest.Builder child = RegisterResourceRequest.newBuilder()
                .setType(checkpoint.snapshotType()).setName(checkpoint.resourceName()).setParent(parent)
                .setCustom(true).setObject(StructCodec.encode(Props.of(checkpoint.snapshotInputs())))
                .setVersion(PackageInfo.VERSION)
                .setProvider(request.getProvidersOrDefault(PACKAGE, ""))
                .putAllProviders(request.getProvidersMap())
                .setDeletedWith(request.getDeletedWith())
                .setAcceptSecrets(true).setAcceptResources(true);
        if (request.hasProtect()) {
            child.setProtect(request.getProtect());
        }
        if (request.hasRetainOnDelete()) {
            child.setRetainOnDelete(request.getRetainOnDelete());
        }
        if (request.hasCustomTimeouts()) {
            ConstructRequest.CustomTimeouts t = request.getCustomTimeouts();
            child.setCustomTimeouts(RegisterResourceRequest.CustomTimeouts.newBuilder()
                    .setCreate(t.getCreate()).setUpdate(t.getUpdate()).setDelete(t.getDelete()));
        }
        return child.build();
    }

    private static <T> T get(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // The engine's own status (e.g. a child's create failing) is what the user should read.
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static boolean containsUnknown(Object value) {
        if (value == Unknown.VALUE) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(RollbackPointsConstruct::containsUnknown);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(RollbackPointsConstruct::containsUnknown);
        }
        return false;
    }

    private static List<String> unknownNames(Map<String, Object> values) {
        return values.entrySet().stream().filter(e -> containsUnknown(e.getValue())).map(Map.Entry::getKey).toList();
    }
}

package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.CheckResult;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.ProviderException;
import com.vpssnap.provider.core.ReadResult;
import com.vpssnap.provider.core.SnapshotInputs;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ListResource;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ValidateListResourceConfig;
import io.grpc.stub.StreamObserver;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.vpssnap.provider.terraform.DynamicValues.dynamic;
import static com.vpssnap.provider.terraform.DynamicValues.object;

/**
 * List resources (protocol 6.10, {@code terraform query}): one list resource per snapshot resource
 * that offers one ({@link com.vpssnap.provider.core.spec.ResourceSpec#listable()}), whose query is the spec's {@link com.vpssnap.provider.core.spec.ResourceSpec#listQuery()}. Each snapshot is one event with its
 * identity, its name as the display name, and on request the resource's whole value, from which
 * {@code -generate-config-out} writes the configuration.
 */
final class TerraformListResources {
    private final Function<String, SnapshotResource> resources;
    private final Function<SnapshotResource, Operation> reads;

    TerraformListResources(Function<String, SnapshotResource> resources, Function<SnapshotResource, Operation> reads) {
        this.resources = resources;
        this.reads = reads;
    }

    ValidateListResourceConfig.Response validate(ValidateListResourceConfig.Request request) {
        SnapshotResource resource = listable(request.getTypeName());
        CheckResult checked = resource.checkListQuery(query(resource, object(request.getConfig(), queryType(resource))));
        return ValidateListResourceConfig.Response.newBuilder().addAllDiagnostics(Diagnostics.of(checked.failures())).build();
    }

    /** Streams the listing; a failure is one event that carries only its diagnostics, as the protocol has it. */
    void list(ListResource.Request request, StreamObserver<ListResource.Event> out) {
        try {
            SnapshotResource resource = listable(request.getTypeName());
            Props query = query(resource, object(request.getConfig(), queryType(resource)));
            CheckResult checked = resource.checkListQuery(query);
            if (!checked.ok()) {
                out.onNext(ListResource.Event.newBuilder().addAllDiagnostic(Diagnostics.of(checked.failures())).build());
            } else {
                List<ReadResult> found = resource.list(checked.inputs(), reads.apply(resource));
                long limit = request.getLimit() > 0 ? request.getLimit() : Long.MAX_VALUE;
                found.stream().limit(limit).forEach(snapshot -> out.onNext(event(resource, snapshot, request.getIncludeResourceObject())));
            }
        } catch (RuntimeException e) {
            out.onNext(ListResource.Event.newBuilder().addAllDiagnostic(Replies.diagnostics(e)).build());
        }
        out.onCompleted();
    }

    private static ListResource.Event event(SnapshotResource resource, ReadResult snapshot, boolean withObject) {
        ListResource.Event.Builder event = ListResource.Event.newBuilder()
                // A listable spec always has an identity (ResourceSpec refuses one that has not).
                .setIdentity(TerraformIdentity.of(resource, snapshot.state()).orElseThrow())
                .setDisplayName(snapshot.inputs().string(SnapshotInputs.NAME) + " (" + snapshot.id() + ")");
        if (withObject) {
            event.setResourceObject(dynamic(TerraformValues.resourceState(resource.spec(), snapshot.id(), snapshot.state(), null),
                    TerraformSchema.resourceType(resource.spec())));
        }
        return event.build();
    }

    private static Props query(SnapshotResource resource, Map<String, Object> config) {
        return config == null ? Props.empty() : TerraformValues.toProps(config, resource.spec().listQuery());
    }

    private static CtyType queryType(SnapshotResource resource) {
        return TerraformSchema.objectType(resource.spec().listQuery());
    }

    /** The resource behind a list resource type; a resource that offers no listing is refused by name. */
    private SnapshotResource listable(String type) {
        SnapshotResource resource = resources.apply(type);
        if (!resource.spec().listable()) {
            throw new ProviderException(type + " offers no list resource: its cloud does not list snapshots by a query");
        }
        return resource;
    }
}

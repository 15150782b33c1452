package com.vpssnap.provider.pulumi;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Struct;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.ResourceMonitorGrpc;

import java.util.concurrent.TimeUnit;

/**
 * The engine's resource monitor, which a Construct call registers the component's resources
 * with. One per call: the engine names the monitor's address in each request.
 */
final class ResourceMonitorClient implements AutoCloseable {
    /** The engine answers registrations with whole resource states; allow more than gRPC's 4 MiB default. */
    private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final ManagedChannel channel;
    private final ResourceMonitorGrpc.ResourceMonitorFutureStub monitor;

    ResourceMonitorClient(String endpoint) {
        this.channel = Grpc.newChannelBuilder(endpoint, InsecureChannelCredentials.create())
                .maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
        this.monitor = ResourceMonitorGrpc.newFutureStub(channel);
    }

    /** Answers when the engine has created, updated or kept the resource (at once in a preview). */
    ListenableFuture<RegisterResourceResponse> register(RegisterResourceRequest request) {
        return monitor.registerResource(request);
    }

    void registerOutputs(String urn, Struct outputs) throws Exception {
        monitor.registerResourceOutputs(RegisterResourceOutputsRequest.newBuilder().setUrn(urn).setOutputs(outputs).build())
                .get();
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdown();
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
            channel.shutdownNow();
        }
    }
}

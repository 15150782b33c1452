package com.vpssnap.provider.pulumi;

import com.google.protobuf.Empty;
import com.vpssnap.provider.EventLoops;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.ResourceProviderGrpc;

import java.util.Map;

/**
 * The training run of the launcher's class-data archive (AppCDS): starts the server as the
 * plugin does and calls it as the engine's first requests do, so that the archive holds the
 * classes of the start-up and of the first calls. Touches no cloud API.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        EventLoops loops = new EventLoops();
        EngineLog engineLog = new EngineLog(loops);
        Server server = PulumiSession.builder(new PulumiProviderService(Map.of(), engineLog), loops, PulumiSession.MAX_MESSAGE_BYTES).build().start();
        ManagedChannel channel = loops.connect(NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())).usePlaintext().build();
        try {
            ResourceProviderGrpc.ResourceProviderBlockingStub engine = ResourceProviderGrpc.newBlockingStub(channel);
            engine.getPluginInfo(Empty.getDefaultInstance());
            engine.getSchema(GetSchemaRequest.newBuilder().setVersion(0).build());
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
            engineLog.close();
            loops.stop();
        }
    }
}

package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.StderrLogging;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import com.vpssnap.provider.EventLoops;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of {@code pulumi-resource-vpssnap}. The engine starts it with its own address as the
 * first argument and reads the port from the first stdout line; nothing else may go to stdout.
 */
public final class PulumiMain {
    /** Plugin messages can carry a large schema or state; the default 4 MiB is tight. */
    private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private PulumiMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        StderrLogging.install();
        EventLoops loops = new EventLoops();
        EngineLog engineLog = new EngineLog(loops);
        if (args.length > 0 && !args[0].startsWith("-")) {
            engineLog.connect(args[0]);
        }
        PulumiProviderService service = new PulumiProviderService(System.getenv(), engineLog);
        Server server = start(service, loops);
        // The engine stops a plugin with SIGINT after closing its connection: cancel what still
        // waits, let the calls end, then stop the event loops, so that the JVM has no thread in
        // native code to wait for (EventLoops).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.cancellation().cancel();
            server.shutdown();
            try {
                server.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            engineLog.close();
            loops.stop();
        }, "vpssnap-shutdown"));
        System.out.println(server.getPort());
        System.out.flush();
        server.awaitTermination();
    }

    /** The provider's gRPC server on a free loopback port. */
    static Server start(PulumiProviderService service, EventLoops loops) throws IOException {
        return loops.serve(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(service)
                .build()
                .start();
    }
}

package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.EventLoops;
import com.vpssnap.provider.PluginSession;
import com.vpssnap.provider.SessionHost;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One engine's pulumirpc session: the provider on a free loopback port, its log sent to the
 * engine whose address is the first argument. The handshake line is the port.
 *
 * <p>Pulumi gives a plugin no credential to check, so a cold plugin answers whoever connects
 * first. A warm session ({@code FirstConnectionOnly}) answers only the connection that made its
 * first call, which is the engine's: it connects as soon as it has read the port.
 */
public final class PulumiSession implements PluginSession {
    /** Plugin messages can carry a large schema or state; the default 4 MiB is tight. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final PulumiProviderService service;
    private final EngineLog engineLog;
    private final Server server;

    private PulumiSession(PulumiProviderService service, EngineLog engineLog, Server server) {
        this.service = service;
        this.engineLog = engineLog;
        this.server = server;
    }

    public static PulumiSession open(Map<String, String> env, List<String> args, SessionHost host) throws IOException {
        EngineLog engineLog = host.warm() ? new EngineLog(host.loops(), host.executor()) : new EngineLog(host.loops());
        if (!args.isEmpty() && !args.get(0).startsWith("-")) {
            engineLog.connect(args.get(0));
        }
        PulumiProviderService service = new PulumiProviderService(env, engineLog);
        NettyServerBuilder builder = builder(service, host.loops(), host.messageLimit(MAX_MESSAGE_BYTES));
        if (host.warm()) {
            builder.executor(host.executor()).intercept(new FirstConnectionOnly());
        }
        return new PulumiSession(service, engineLog, builder.build().start());
    }

    /** The provider's gRPC server on a free loopback port (the training run starts it too). */
    static NettyServerBuilder builder(PulumiProviderService service, EventLoops loops, int messageLimit) {
        return loops.serve(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)))
                .maxInboundMessageSize(messageLimit)
                .addService(service);
    }

    @Override
    public String handshakeLine() {
        return Integer.toString(server.getPort());
    }

    /** Cancels what still waits, lets the calls end (2 s at most), then closes the engine log. */
    @Override
    public void stop() {
        service.cancellation().cancel();
        server.shutdown();
        try {
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        engineLog.close();
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }
}

package com.vpssnap.provider.pulumi;

import com.vpssnap.provider.EventLoops;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's log service: where users see our messages, including ephemeral status lines.
 * Without an engine address (the plugin run by hand or by a test) messages go to stderr.
 */
final class EngineLog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EngineLog.class.getName());
    private final EventLoops loops;
    /** The warm session's executor (its callbacks log to that session); empty in a cold plugin. */
    private final Optional<Executor> executor;
    private volatile ManagedChannel channel;
    private volatile EngineGrpc.EngineStub engine;

    /** A cold plugin's: callbacks on gRPC's own executor. */
    EngineLog(EventLoops loops) {
        this.loops = loops;
        this.executor = Optional.empty();
    }

    /** A warm session's: callbacks on the session's executor. */
    EngineLog(EventLoops loops, Executor executor) {
        this.loops = loops;
        this.executor = Optional.of(executor);
    }

    synchronized void connect(String address) {
        if (address == null || address.isBlank() || channel != null) {
            return;
        }
        NettyChannelBuilder builder = loops.connect(NettyChannelBuilder.forTarget(address)).usePlaintext();
        executor.ifPresent(builder::executor);
        channel = builder.build();
        engine = EngineGrpc.newStub(channel);
    }

    /** A status line the engine shows while the operation runs and then drops. */
    void status(String urn, String message) {
        send(LogSeverity.INFO, urn, message, true);
    }

    void warning(String urn, String message) {
        send(LogSeverity.WARNING, urn, message, false);
    }

    private void send(LogSeverity severity, String urn, String message, boolean ephemeral) {
        EngineGrpc.EngineStub stub = engine;
        if (stub == null) {
            LOG.info(() -> message + (urn.isEmpty() ? "" : " [" + urn + "]"));
            return;
        }
        LogRequest request = LogRequest.newBuilder()
                .setSeverity(severity).setMessage(message).setUrn(urn).setEphemeral(ephemeral).build();
        stub.log(request, new io.grpc.stub.StreamObserver<>() {
            @Override
            public void onNext(com.google.protobuf.Empty value) {
            }

            @Override
            public void onError(Throwable t) {
                LOG.log(Level.FINE, "engine log call failed", t);
            }

            @Override
            public void onCompleted() {
            }
        });
    }

    @Override
    public void close() {
        ManagedChannel c = channel;
        if (c != null) {
            c.shutdown();
            try {
                if (!c.awaitTermination(250, TimeUnit.MILLISECONDS)) {
                    c.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

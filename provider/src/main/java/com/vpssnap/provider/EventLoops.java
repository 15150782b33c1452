package com.vpssnap.provider;

import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Netty event loops of a plugin's gRPC server (and of its channel to the engine), owned here
 * so that they can be stopped before the JVM exits. HotSpot's exit waits up to 300 ms for every
 * thread that is in native code (VM_Exit::wait_for_threads_in_native_to_block), and grpc's shared
 * event loops sit in epoll_wait until then: measured, 330 ms of each plugin exit, paid three
 * times per `tofu apply` and by every pulumi command.
 */
public final class EventLoops {
    private static final Duration STOP_WAIT = Duration.ofMillis(250);
    private final EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("vpssnap-grpc-accept", true));
    /** Network I/O only: the calls themselves run on gRPC's executor, so two loops are plenty. */
    private final EventLoopGroup io = new NioEventLoopGroup(2, new DefaultThreadFactory("vpssnap-grpc-io", true));

    public NettyServerBuilder serve(NettyServerBuilder builder) {
        return builder.channelType(NioServerSocketChannel.class).bossEventLoopGroup(acceptor).workerEventLoopGroup(io);
    }

    public NettyChannelBuilder connect(NettyChannelBuilder builder) {
        return builder.channelType(NioSocketChannel.class).eventLoopGroup(io);
    }

    /** Stops every loop at once (no quiet period) and waits a quarter second at most for their threads to end. */
    public void stop() {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        io.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        try {
            acceptor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            io.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.vpssnap.provider.pulumi;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A warm session's listener answers one client: the connection (its remote address and port)
 * that made the first call. The engine connects as soon as it reads the port, so that is the
 * engine; a call from any other connection is refused as PERMISSION_DENIED.
 */
final class FirstConnectionOnly implements ServerInterceptor {
    private final AtomicReference<SocketAddress> engine = new AtomicReference<>();

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        SocketAddress from = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        engine.compareAndSet(null, from);
        if (from == null || !from.equals(engine.get())) {
            call.close(Status.PERMISSION_DENIED.withDescription("this plugin session belongs to another client"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return next.startCall(call, headers);
    }
}

package com.vpssnap.provider.terraform;

import com.vpssnap.provider.EventLoops;
import com.vpssnap.provider.PluginSession;
import com.vpssnap.provider.SessionHost;
import com.vpssnap.provider.SessionRefusedException;
import com.vpssnap.provider.terraform.proto.GRPCControllerGrpc;
import com.vpssnap.provider.terraform.proto.GrpcController;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One engine's tfplugin6 session: go-plugin's handshake (magic cookie, protocol 6, a port in the
 * allowed range, AutoMTLS) and the provider behind it. With AutoMTLS the listener trusts only the
 * client certificate this engine passed in PLUGIN_CLIENT_CERT, so no other process (nor another
 * session's engine) can call it.
 */
public final class TerraformSession implements PluginSession {
    static final String COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
    static final String COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
    /** Plans of large configurations are big messages; go-plugin clients send up to 256 MiB. */
    private static final int MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
    /** How long Shutdown waits for the last answer to go out. */
    static final Duration EXIT_WAIT = Duration.ofMillis(250);

    private final TerraformProviderService provider;
    private final Server server;
    private final String handshakeLine;

    private TerraformSession(TerraformProviderService provider, Server server, String handshakeLine) {
        this.provider = provider;
        this.server = server;
        this.handshakeLine = handshakeLine;
    }

    public static TerraformSession open(Map<String, String> env, SessionHost host) throws SessionRefusedException, Exception {
        if (!COOKIE_VALUE.equals(env.get(COOKIE_KEY))) {
            throw new SessionRefusedException("This is the vpssnap provider for Terraform and OpenTofu. It is a plugin: tofu or terraform\n"
                    + "starts it. Install it in a filesystem mirror or a dev_overrides block (see examples/terraform),\n"
                    + "then run `tofu init` and `tofu plan` in your configuration.");
        }
        String versions = env.getOrDefault("PLUGIN_PROTOCOL_VERSIONS", "6");
        if (Arrays.stream(versions.split(",")).map(String::trim).noneMatch("6"::equals)) {
            throw new SessionRefusedException("vpssnap speaks plugin protocol 6 only; the client offers " + versions
                    + ": use Terraform 1.0+ or OpenTofu");
        }
        TerraformProviderService provider = new TerraformProviderService(env);
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("plugin", HealthCheckResponse.ServingStatus.SERVING);
        SelfSignedCertificate certificate = env.get("PLUGIN_CLIENT_CERT") == null ? null : SelfSignedCertificate.generate(
                SelfSignedCertificate.Curve.forSessions(host.warm()));
        Controller controller = new Controller(host.shutdown());
        Server server = start(env, certificate, provider, health, host, controller);
        controller.attach(server);
        String certField = certificate == null ? ""
                : Base64.getEncoder().withoutPadding().encodeToString(certificate.certificate().getEncoded());
        return new TerraformSession(provider, server, "1|6|tcp|127.0.0.1:" + server.getPort() + "|grpc|" + certField);
    }

    @Override
    public String handshakeLine() {
        return handshakeLine;
    }

    @Override
    public void stop() {
        provider.cancellation().cancel();
        server.shutdownNow();
    }

    /** Waits until the session's listener is closed (Shutdown, or {@link #stop()}). */
    @Override
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** For the class-data training run: the server as a session starts it, without a controller. */
    static Server start(Map<String, String> env, SelfSignedCertificate certificate, TerraformProviderService provider,
                        HealthStatusManager health, EventLoops loops) throws Exception {
        return start(env, certificate, provider, health, SessionHost.cold(loops, () -> { }), new Controller(() -> { }));
    }

    /** Binds the first free port of PLUGIN_MIN_PORT..PLUGIN_MAX_PORT, from a random start. */
    private static Server start(Map<String, String> env, SelfSignedCertificate certificate, TerraformProviderService provider,
                                HealthStatusManager health, SessionHost host, Controller controller) throws Exception {
        int min = Integer.parseInt(env.getOrDefault("PLUGIN_MIN_PORT", "10000"));
        int max = Integer.parseInt(env.getOrDefault("PLUGIN_MAX_PORT", "25000"));
        int span = max - min + 1;
        int offset = ThreadLocalRandom.current().nextInt(span);
        IOException last = null;
        for (int i = 0; i < span; i++) {
            int port = min + (offset + i) % span;
            NettyServerBuilder builder = host.loops().serve(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)))
                    .maxInboundMessageSize(host.messageLimit(MAX_MESSAGE_BYTES))
                    .addService(provider).addService(health.getHealthService()).addService(controller);
            if (host.warm()) {
                builder.executor(host.executor());
            }
            if (certificate != null) {
                builder.sslContext(PluginTls.server(certificate, clientCertificate(env.get("PLUGIN_CLIENT_CERT"))));
            }
            try {
                return builder.build().start();
            } catch (IOException busy) {
                last = busy;
            }
        }
        throw new IOException("no free port in " + min + ".." + max, last);
    }

    /** Only the client that started us may connect: its certificate is the one trusted. */
    private static X509Certificate clientCertificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * go-plugin's controller: Shutdown ends the session once the answer is out. The listener stops
     * taking calls and lets this one finish; go-plugin closes its connection on the answer, which
     * ends the listener (EXIT_WAIT at most, for a client that does not). Then the host's shutdown
     * runs: a cold plugin exits, the warm server ends the session.
     */
    private static final class Controller extends GRPCControllerGrpc.GRPCControllerImplBase {
        private final Runnable shutdown;
        private volatile Server server;

        Controller(Runnable shutdown) {
            this.shutdown = shutdown;
        }

        void attach(Server server) {
            this.server = server;
        }

        @Override
        public void shutdown(GrpcController.Empty request, StreamObserver<GrpcController.Empty> out) {
            out.onNext(GrpcController.Empty.getDefaultInstance());
            out.onCompleted();
            Thread exit = new Thread(() -> {
                Server server = this.server;
                if (server != null) {
                    server.shutdown();
                    try {
                        server.awaitTermination(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                shutdown.run();
            }, "vpssnap-exit");
            exit.start();
        }
    }
}

package com.vpssnap.provider.terraform;

import com.vpssnap.provider.EventLoops;
import com.vpssnap.provider.StderrLogging;
import com.vpssnap.provider.terraform.proto.GRPCControllerGrpc;
import com.vpssnap.provider.terraform.proto.GrpcController;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.health.v1.HealthCheckResponse;
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
 * Entry point of {@code terraform-provider-vpssnap}: go-plugin's handshake (magic cookie, protocol
 * 6, a port in the allowed range, AutoMTLS), then tfplugin6.Provider. The handshake line is the
 * only thing on stdout.
 */
public final class TerraformMain {
    static final String COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
    static final String COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
    /** Plans of large configurations are big messages; go-plugin clients send up to 256 MiB. */
    private static final int MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
    /** How long an exit waits for the last answer to go out and the event loops to end. */
    static final Duration EXIT_WAIT = Duration.ofMillis(250);

    private TerraformMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        if (!COOKIE_VALUE.equals(env.get(COOKIE_KEY))) {
            System.err.println("This is the vpssnap provider for Terraform and OpenTofu. It is a plugin: tofu or terraform\n"
                    + "starts it. Install it in a filesystem mirror or a dev_overrides block (see examples/terraform),\n"
                    + "then run `tofu init` and `tofu plan` in your configuration.");
            System.exit(1);
        }
        String versions = env.getOrDefault("PLUGIN_PROTOCOL_VERSIONS", "6");
        if (Arrays.stream(versions.split(",")).map(String::trim).noneMatch("6"::equals)) {
            System.err.println("vpssnap speaks plugin protocol 6 only; the client offers " + versions
                    + ": use Terraform 1.0+ or OpenTofu");
            System.exit(1);
        }
        StderrLogging.install();
        TerraformProviderService provider = new TerraformProviderService(env);
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("plugin", HealthCheckResponse.ServingStatus.SERVING);
        SelfSignedCertificate certificate = env.get("PLUGIN_CLIENT_CERT") == null ? null : SelfSignedCertificate.generate();
        EventLoops loops = new EventLoops();
        Server server = start(env, certificate, provider, health, loops);
        // Every way out (go-plugin's Shutdown, SIGTERM, tofu killing us) ends here: stop the calls
        // and the event loops, so that the JVM has no thread in native code to wait for.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            provider.cancellation().cancel();
            server.shutdownNow();
            loops.stop();
        }, "vpssnap-shutdown"));
        String certField = certificate == null ? ""
                : Base64.getEncoder().withoutPadding().encodeToString(certificate.certificate().getEncoded());
        System.out.println("1|6|tcp|127.0.0.1:" + server.getPort() + "|grpc|" + certField);
        System.out.flush();
        server.awaitTermination();
    }

    /** Binds the first free port of PLUGIN_MIN_PORT..PLUGIN_MAX_PORT, from a random start. */
    static Server start(Map<String, String> env, SelfSignedCertificate certificate, TerraformProviderService provider,
                        HealthStatusManager health, EventLoops loops) throws Exception {
        int min = Integer.parseInt(env.getOrDefault("PLUGIN_MIN_PORT", "10000"));
        int max = Integer.parseInt(env.getOrDefault("PLUGIN_MAX_PORT", "25000"));
        int span = max - min + 1;
        int offset = ThreadLocalRandom.current().nextInt(span);
        Controller controller = new Controller();
        IOException last = null;
        for (int i = 0; i < span; i++) {
            int port = min + (offset + i) % span;
            NettyServerBuilder builder = loops.serve(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)))
                    .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                    .addService(provider).addService(health.getHealthService()).addService(controller);
            if (certificate != null) {
                builder.sslContext(PluginTls.server(certificate, clientCertificate(env.get("PLUGIN_CLIENT_CERT"))));
            }
            try {
                Server server = builder.build().start();
                controller.attach(server);
                return server;
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
     * go-plugin's controller: Shutdown ends the process once the answer is out. The server stops
     * taking calls and lets this one finish; go-plugin closes its connection on the answer, which
     * ends the server (EXIT_WAIT at most, for a client that does not).
     */
    private static final class Controller extends GRPCControllerGrpc.GRPCControllerImplBase {
        private volatile Server server;

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
                System.exit(0);
            }, "vpssnap-exit");
            exit.start();
        }
    }
}

package com.vpssnap.provider.terraform;

import com.vpssnap.provider.terraform.proto.ProviderGrpc;
import com.vpssnap.provider.terraform.proto.Tfplugin6;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.protobuf.services.HealthStatusManager;
import com.vpssnap.provider.EventLoops;

import java.util.Base64;
import java.util.Map;

/**
 * The training run of the launcher's class-data archive (AppCDS): starts the server with AutoMTLS
 * as tofu has it started, and calls it over mutual TLS as tofu's first request does, so that the
 * archive holds the classes of the start-up, the TLS handshake and the first call. Touches no cloud API.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        // The server's key as a cold plugin makes it (P-384); the client's on P-256, so that the archive
        // also holds the classes the warm server's sessions use.
        SelfSignedCertificate client = SelfSignedCertificate.generate(SelfSignedCertificate.Curve.P256);
        Map<String, String> env = Map.of("PLUGIN_CLIENT_CERT", pem(client));
        SelfSignedCertificate serverCertificate = SelfSignedCertificate.generate(SelfSignedCertificate.Curve.forSessions(false));
        EventLoops loops = new EventLoops();
        Server server = TerraformSession.start(env, serverCertificate, new TerraformProviderService(env), new HealthStatusManager(), loops);
        ManagedChannel channel = loops.connect(NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()))
                .overrideAuthority("localhost")
                .sslContext(GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
                        .keyManager(client.keys().getPrivate(), client.certificate())
                        .trustManager(serverCertificate.certificate())
                        .build())
                .build();
        try {
            ProviderGrpc.newBlockingStub(channel).getProviderSchema(Tfplugin6.GetProviderSchema.Request.getDefaultInstance());
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
            loops.stop();
        }
    }

    private static String pem(SelfSignedCertificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}

package com.vpssnap.provider.terraform;

import com.vpssnap.provider.terraform.proto.GRPCControllerGrpc;
import com.vpssnap.provider.terraform.proto.GrpcController;
import com.vpssnap.provider.terraform.proto.ProviderGrpc;
import com.vpssnap.provider.terraform.proto.Tfplugin6.GetProviderSchema;
import com.vpssnap.provider.testsupport.PluginProcess;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The installed Terraform launcher as go-plugin starts it: handshake line, mTLS, and refusals. */
class TerraformPluginProcessIT {
    private static final String LAUNCHER = "terraform-provider-vpssnap";

    @Test
    void handshakeOverMutualTlsServesTheSchemaAndRefusesAStranger() throws Exception {
        SelfSignedCertificate client = SelfSignedCertificate.generate(SelfSignedCertificate.Curve.P256);
        try (PluginProcess plugin = PluginProcess.start(LAUNCHER, List.of(), env(pem(client.certificate())))) {
            String[] parts = plugin.handshake().split("\\|");
            assertEquals(6, parts.length, plugin.handshake());
            assertEquals(List.of("1", "6", "tcp", "grpc"), List.of(parts[0], parts[1], parts[2], parts[4]));
            assertTrue(parts[3].matches("127\\.0\\.0\\.1:(1[0-9]{4}|2[0-4][0-9]{3})"), "inside the port range: " + parts[3]);
            assertTrue(!parts[5].endsWith("="), "no base64 padding");
            X509Certificate server = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(parts[5])));
            assertTrue(server.getSubjectAlternativeNames().stream().anyMatch(san -> san.get(1).equals("localhost")));

            int port = Integer.parseInt(parts[3].substring(parts[3].indexOf(':') + 1));
            ManagedChannel trusted = channel(port, client, server);
            GetProviderSchema.Response schema = ProviderGrpc.newBlockingStub(trusted).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getProviderSchema(GetProviderSchema.Request.getDefaultInstance());
            assertTrue(schema.containsResourceSchemas("vpssnap_locaweb_snapshot"));
            assertTrue(schema.getProvider().getBlock().getAttributesList().stream()
                    .anyMatch(a -> a.getName().equals("locaweb_token") && a.getSensitive()), "the token is sensitive");
            trusted.shutdownNow();

            ManagedChannel stranger = channel(port, SelfSignedCertificate.generate(SelfSignedCertificate.Curve.P256), server);
            assertThrows(StatusRuntimeException.class, () -> ProviderGrpc.newBlockingStub(stranger)
                    .withDeadlineAfter(30, TimeUnit.SECONDS).getProviderSchema(GetProviderSchema.Request.getDefaultInstance()),
                    "a client without the expected certificate is refused");
            stranger.shutdownNow();
        }
    }

    @Test
    void shutdownIsAnsweredAndThenTheProcessExitsWithZero() throws Exception {
        SelfSignedCertificate client = SelfSignedCertificate.generate(SelfSignedCertificate.Curve.P256);
        try (PluginProcess plugin = PluginProcess.start(LAUNCHER, List.of(), env(pem(client.certificate())))) {
            String[] parts = plugin.handshake().split("\\|");
            X509Certificate server = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(parts[5])));
            ManagedChannel trusted = channel(Integer.parseInt(parts[3].substring(parts[3].indexOf(':') + 1)), client, server);
            ProviderGrpc.newBlockingStub(trusted).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getProviderSchema(GetProviderSchema.Request.getDefaultInstance());
            GRPCControllerGrpc.newBlockingStub(trusted).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .shutdown(GrpcController.Empty.getDefaultInstance());
            trusted.shutdownNow();
            assertTrue(plugin.process().waitFor(30, TimeUnit.SECONDS), "after answering Shutdown the plugin exits by itself");
            assertEquals(0, plugin.process().exitValue(), plugin.stderr());
            assertEquals("", plugin.stdoutAfterHandshake(), "nothing but the handshake on stdout");
        }
    }

    @Test
    void runByHandItExplainsItselfAndExits1() throws Exception {
        Process p = new ProcessBuilder(com.vpssnap.provider.testsupport.TestEnvironment.binDir().resolve(LAUNCHER).toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(out.contains("It is a plugin"), out);
    }

    private static Map<String, String> env(String clientPem) {
        return Map.of("TF_PLUGIN_MAGIC_COOKIE", TerraformSession.COOKIE_VALUE, "PLUGIN_PROTOCOL_VERSIONS", "5,6",
                "PLUGIN_MIN_PORT", "10000", "PLUGIN_MAX_PORT", "24999", "PLUGIN_CLIENT_CERT", clientPem);
    }

    private static ManagedChannel channel(int port, SelfSignedCertificate client, X509Certificate server) throws Exception {
        return NettyChannelBuilder.forAddress("127.0.0.1", port).overrideAuthority("localhost")
                .sslContext(GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
                        .keyManager(client.keys().getPrivate(), client.certificate()).trustManager(server).build())
                .build();
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}

package com.vpssnap.provider.terraform;

import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2SecurityUtil;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.JdkSslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SupportedCipherSuiteFilter;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.security.cert.X509Certificate;

/**
 * The server side of go-plugin's AutoMTLS on the JDK's TLS: our fresh certificate, only tofu's
 * client certificate trusted, HTTP/2 by ALPN as gRPC requires.
 *
 * <p>Why not Netty's SslContextBuilder: its JDK server context builds a PKCS#12 key store of its
 * own when its class is first used, and from a key and certificate another one whose password
 * encryption (PBKDF2) is slow on a cold JVM; together with the default trust store that is about
 * half a second of every start-up. An SSLContext made here skips all of it. The JDK's TLS, not
 * the bundled BoringSSL, because go-plugin's client certificate is ECDSA P-521, whose signature
 * scheme BoringSSL does not offer by default, so Go would send no certificate.
 */
final class PluginTls {
    private PluginTls() {
    }

    static SslContext server(SelfSignedCertificate own, X509Certificate client) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new KeyManager[] {new SingleKeyManager(own)}, new TrustManager[] {new OnlyClientCertificate(client)}, null);
        ApplicationProtocolConfig h2 = new ApplicationProtocolConfig(Protocol.ALPN, SelectorFailureBehavior.NO_ADVERTISE,
                SelectedListenerFailureBehavior.ACCEPT, "h2");
        // Netty's JdkSslContext initialises a default SSLContext once (for its cipher lists); that must not load cacerts.
        return WithoutDefaultTrustStore.call(() -> new JdkSslContext(tls, false, Http2SecurityUtil.CIPHERS,
                SupportedCipherSuiteFilter.INSTANCE, h2, ClientAuth.REQUIRE, null, false));
    }
}

package com.vpssnap.provider.terraform;

import javax.net.ssl.X509TrustManager;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Trusts exactly one client certificate: the one tofu handed over in PLUGIN_CLIENT_CERT. Any other
 * client, or none, fails the TLS handshake. The plugin is never a TLS client, so no server is trusted.
 */
final class OnlyClientCertificate implements X509TrustManager {
    private final X509Certificate expected;

    OnlyClientCertificate(X509Certificate expected) {
        this.expected = expected;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0 || !expected.equals(chain[0])) {
            throw new CertificateException("the client did not present the certificate given in PLUGIN_CLIENT_CERT");
        }
        expected.checkValidity();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the plugin is a TLS server only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {expected};
    }
}

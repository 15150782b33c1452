package com.vpssnap.provider.terraform;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * Serves the plugin's one key and certificate to the TLS server directly. Handing Netty the key
 * instead makes it build a PKCS#12 key store, whose password-based encryption of the key
 * (PBKDF2, thousands of HMAC rounds) and BouncyCastle probing cost a few hundred milliseconds of
 * every start-up.
 */
final class SingleKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "vpssnap";
    private final SelfSignedCertificate certificate;

    SingleKeyManager(SelfSignedCertificate certificate) {
        this.certificate = certificate;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return ALIAS;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return ALIAS;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? new X509Certificate[] {certificate.certificate()} : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? certificate.keys().getPrivate() : null;
    }

    /** The plugin is a server only: it never presents a client certificate. */
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}

package com.vpssnap.provider.terraform;

import java.util.concurrent.Callable;

/**
 * Runs a step with the JDK's default trust store (cacerts) switched off. Netty's JDK TLS support
 * initialises a default SSLContext once to learn the supported protocols and ciphers, and that
 * loads all of cacerts: about a quarter of the Terraform plugin's start-up, for a server that
 * trusts only tofu's own certificate. The property is restored afterwards, so the API clients'
 * HTTPS calls still load and use cacerts (the JDK reloads the store when its settings change).
 */
final class WithoutDefaultTrustStore {
    static final String PROPERTY = "javax.net.ssl.trustStore";
    /** The JDK's name for "no trust store file": an empty store. */
    private static final String NONE = "NONE";

    private WithoutDefaultTrustStore() {
    }

    static synchronized <T> T call(Callable<T> step) throws Exception {
        String saved = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, NONE);
        try {
            return step.call();
        } finally {
            if (saved == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, saved);
            }
        }
    }
}

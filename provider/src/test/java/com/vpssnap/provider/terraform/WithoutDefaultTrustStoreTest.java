package com.vpssnap.provider.terraform;

import org.junit.jupiter.api.Test;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.KeyStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up shortcut must not leave the API clients' HTTPS without the JDK's trusted CAs. */
class WithoutDefaultTrustStoreTest {
    @Test
    void theDefaultTrustStoreIsEmptyOnlyDuringTheStep() throws Exception {
        int during = WithoutDefaultTrustStore.call(WithoutDefaultTrustStoreTest::defaultTrustedIssuers);
        assertEquals(0, during, "cacerts must not be loaded during the step");
        assertTrue(defaultTrustedIssuers() > 10, "the JDK's CAs are trusted again afterwards");
        assertEquals(null, System.getProperty(WithoutDefaultTrustStore.PROPERTY), "the property is restored");
    }

    private static int defaultTrustedIssuers() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return ((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers().length;
    }
}

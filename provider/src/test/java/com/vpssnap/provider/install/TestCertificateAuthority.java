package com.vpssnap.provider.install;

import com.vpssnap.provider.testsupport.Commands;
import com.vpssnap.provider.testsupport.ProcessResult;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A throwaway certificate authority and a certificate it signed for 127.0.0.1, made by openssl:
 * the HTTPS mirror serves the certificate, and the CLIs trust the authority through SSL_CERT_FILE,
 * as a company's own CA is trusted.
 */
final class TestCertificateAuthority {
    private final Path caCertificate;
    private final SSLContext serverContext;

    private TestCertificateAuthority(Path caCertificate, SSLContext serverContext) {
        this.caCertificate = caCertificate;
        this.serverContext = serverContext;
    }

    static TestCertificateAuthority create(Path dir) throws Exception {
        return create(dir, new String[0]);
    }

    /** The same, its certificate valid for 127.0.0.1 and for each of {@code hostNames}. */
    static TestCertificateAuthority create(Path dir, String... hostNames) throws Exception {
        Files.createDirectories(dir);
        StringBuilder names = new StringBuilder("IP:127.0.0.1");
        for (String name : hostNames) {
            names.append(",DNS:").append(name);
        }
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=" + names + "\nbasicConstraints=CA:FALSE\n"
                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
                "-subj", "/CN=vpssnap test CA", "-keyout", "ca.key", "-out", "ca.pem",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "1", "-extfile", "server.ext", "-out", "server.pem");
        openssl(dir, "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-passout", "pass:test",
                "-out", "server.p12");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            keys.load(in, "test".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "test".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return new TestCertificateAuthority(dir.resolve("ca.pem"), context);
    }

    /** The authority's certificate, for SSL_CERT_FILE. */
    Path caCertificate() {
        return caCertificate;
    }

    SSLContext serverContext() {
        return serverContext;
    }

    /** A PKCS12 trust store holding the authority alone (password "changeit"), for -Djavax.net.ssl.trustStore. */
    void writeTrustStore(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            store.setCertificateEntry("vpssnap-test-ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (var out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
    }

    private static void openssl(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        ProcessResult result = Commands.run(command, dir, Map.of(), Duration.ofMinutes(1));
        if (result.exitCode() != 0) {
            throw new AssertionError("openssl failed: " + result);
        }
    }
}

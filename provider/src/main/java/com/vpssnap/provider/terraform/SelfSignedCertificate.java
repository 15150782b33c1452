package com.vpssnap.provider.terraform;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static com.vpssnap.provider.terraform.Der.bitString;
import static com.vpssnap.provider.terraform.Der.bool;
import static com.vpssnap.provider.terraform.Der.context;
import static com.vpssnap.provider.terraform.Der.integer;
import static com.vpssnap.provider.terraform.Der.oid;
import static com.vpssnap.provider.terraform.Der.sequence;
import static com.vpssnap.provider.terraform.Der.tlv;
import static com.vpssnap.provider.terraform.Der.utf8;

/**
 * A fresh key and certificate for one plugin session, as go-plugin's AutoMTLS expects: ECDSA,
 * self-signed, CN and SAN localhost plus SAN 127.0.0.1, valid from a minute ago for a day. go-plugin's
 * own certificates are P-521; any NIST curve is accepted.
 */
record SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Which curve a session's key is on. Java 25's P-256 builds a table for its fixed-base
     * multiplication on first use: a cold plugin (one key per JVM, C1 only) paid 120 to 175 ms for a
     * P-256 key pair against 60 to 75 ms for P-384 (Java 17 takes the same time for either), so a cold
     * start is 100 ms quicker on P-384. The warm server has built the table once, and then makes a
     * P-256 key and signature in 1.0 ms against P-384's 3.8 ms.
     */
    enum Curve {
        P256("secp256r1", "SHA256withECDSA", "1.2.840.10045.4.3.2"),
        P384("secp384r1", "SHA384withECDSA", "1.2.840.10045.4.3.3");

        private final String name;
        private final String signature;
        private final String signatureOid;

        Curve(String name, String signature, String signatureOid) {
            this.name = name;
            this.signature = signature;
            this.signatureOid = signatureOid;
        }

        /** P-256 where the JVM serves many sessions (the warm server), P-384 where it serves one. */
        static Curve forSessions(boolean many) {
            return many ? P256 : P384;
        }
    }

    static SelfSignedCertificate generate(Curve curve) {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve.name), random);
            KeyPair keys = generator.generateKeyPair();
            byte[] tbs = toBeSigned(keys, curve, new BigInteger(63, random).add(BigInteger.ONE), Instant.now());
            Signature signer = Signature.getInstance(curve.signature);
            signer.initSign(keys.getPrivate(), random);
            signer.update(tbs);
            byte[] der = sequence(tbs, sequence(oid(curve.signatureOid)), bitString(0, signer.sign()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new SelfSignedCertificate(keys, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the plugin's TLS certificate", e);
        }
    }

    /** RFC 5280's TBSCertificate, version 3. */
    private static byte[] toBeSigned(KeyPair keys, Curve curve, BigInteger serial, Instant now) {
        byte[] name = sequence(
                tlv(Der.SET, sequence(oid("2.5.4.3"), utf8("localhost"))),
                tlv(Der.SET, sequence(oid("2.5.4.10"), utf8("vpssnap"))));
        byte[] validity = sequence(
                tlv(Der.UTC_TIME, UTC_TIME.format(now.minus(Duration.ofMinutes(1))).getBytes(StandardCharsets.US_ASCII)),
                tlv(Der.UTC_TIME, UTC_TIME.format(now.plus(Duration.ofDays(1))).getBytes(StandardCharsets.US_ASCII)));
        byte[] subjectAltName = sequence(
                tlv(context(2, false), "localhost".getBytes(StandardCharsets.US_ASCII)),
                tlv(context(7, false), new byte[] {127, 0, 0, 1}));
        byte[] extensions = sequence(
                extension("2.5.29.17", false, subjectAltName),
                extension("2.5.29.19", true, sequence(bool(true))),
                // digitalSignature (bit 0), keyEncipherment (bit 2), keyCertSign (bit 5): 1010 0100, 2 unused bits.
                extension("2.5.29.15", true, bitString(2, new byte[] {(byte) 0xa4})));
        return sequence(
                tlv(context(0, true), integer(BigInteger.TWO)),
                integer(serial),
                sequence(oid(curve.signatureOid)),
                name,
                validity,
                name,
                keys.getPublic().getEncoded(),
                tlv(context(3, true), extensions));
    }

    private static byte[] extension(String id, boolean critical, byte[] value) {
        return critical
                ? sequence(oid(id), bool(true), tlv(Der.OCTET_STRING, value))
                : sequence(oid(id), tlv(Der.OCTET_STRING, value));
    }
}

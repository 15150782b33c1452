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
 * A fresh key and certificate for one plugin run, as go-plugin's AutoMTLS expects: ECDSA P-256,
 * self-signed, CN and SAN localhost plus SAN 127.0.0.1, valid from a minute ago for a day.
 */
record SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    static SelfSignedCertificate generate() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            byte[] tbs = toBeSigned(keys, new BigInteger(63, random).add(BigInteger.ONE), Instant.now());
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate(), random);
            signer.update(tbs);
            byte[] der = sequence(tbs, sequence(oid(ECDSA_WITH_SHA256)), bitString(0, signer.sign()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new SelfSignedCertificate(keys, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the plugin's TLS certificate", e);
        }
    }

    /** RFC 5280's TBSCertificate, version 3. */
    private static byte[] toBeSigned(KeyPair keys, BigInteger serial, Instant now) {
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
                sequence(oid(ECDSA_WITH_SHA256)),
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

package com.vpssnap.provider.terraform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-encoded certificate parses, verifies, and says what go-plugin's client checks. */
class SelfSignedCertificateTest {
    @ParameterizedTest
    @EnumSource(SelfSignedCertificate.Curve.class)
    void aValidSelfSignedCertificateForLocalhost(SelfSignedCertificate.Curve curve) throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.generate(curve);
        int bits = curve == SelfSignedCertificate.Curve.P256 ? 256 : 384;
        X509Certificate cert = made.certificate();
        cert.verify(made.keys().getPublic());
        cert.checkValidity();
        assertEquals(3, cert.getVersion());
        assertEquals("SHA" + bits + "withECDSA", cert.getSigAlgName());
        assertEquals(bits, ((java.security.interfaces.ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertEquals("O=vpssnap,CN=localhost", cert.getSubjectX500Principal().getName());
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        Set<String> names = cert.getSubjectAlternativeNames().stream().map(n -> n.get(0) + ":" + n.get(1))
                .collect(Collectors.toSet());
        assertEquals(Set.of("2:localhost", "7:127.0.0.1"), names);
        assertTrue(cert.getBasicConstraints() >= 0, "a CA, as go-plugin's own certificates are");
        boolean[] usage = cert.getKeyUsage();
        assertArrayEquals(new boolean[] {true, false, true, false, false, true}, java.util.Arrays.copyOf(usage, 6));
        assertEquals(Set.of("2.5.29.15", "2.5.29.19"), cert.getCriticalExtensionOIDs());
        assertNotEquals(cert.getSerialNumber(), SelfSignedCertificate.generate(curve).certificate().getSerialNumber());
        assertTrue(cert.getSerialNumber().signum() > 0);
    }

    @Test
    void aColdPluginsKeyIsOnP384AndTheWarmServersOnP256() {
        assertEquals(SelfSignedCertificate.Curve.P384, SelfSignedCertificate.Curve.forSessions(false));
        assertEquals(SelfSignedCertificate.Curve.P256, SelfSignedCertificate.Curve.forSessions(true));
    }

    @Test
    void derLengthsAndObjectIdentifiers() {
        assertArrayEquals(new byte[] {0x06, 0x03, 0x55, 0x1d, 0x11}, Der.oid("2.5.29.17"));
        assertArrayEquals(new byte[] {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02},
                Der.oid("1.2.840.10045.4.3.2"));
        byte[] longContent = Der.tlv(Der.OCTET_STRING, new byte[300]);
        assertEquals(List.of(0x04, 0x82, 0x01, 0x2c), List.of(longContent[0] & 0xff, longContent[1] & 0xff,
                longContent[2] & 0xff, longContent[3] & 0xff));
        assertEquals(304, longContent.length);
    }
}

package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
    static final Instant NOW = Instant.parse("2025-06-01T02:00:00Z");
    static CertificateAuthority ca;

    @BeforeAll
    static void root() {
        ca = CertificateAuthority.createRoot("阳光采购平台", NOW);
    }

    @Test
    void rootIsASelfSignedCaFor20Years() throws Exception {
        X509Certificate root = ca.root();
        root.verify(root.getPublicKey());
        assertEquals(3072, ((RSAPublicKey) root.getPublicKey()).getModulus().bitLength());
        assertTrue(root.getBasicConstraints() >= 0, "CA");
        boolean[] ku = root.getKeyUsage();
        assertTrue(ku[5] && ku[6], "keyCertSign and cRLSign");
        assertFalse(ku[0]);
        assertEquals(
                NOW.atZone(ZoneOffset.UTC).plusYears(20).toInstant(),
                root.getNotAfter().toInstant());
        assertTrue(root.getSubjectX500Principal().getName().contains("CN="));
        assertEquals("阳光采购平台", CertificateSubject.of(root).organisation());
    }

    @Test
    void organisationCertificateCarriesTheCreditCodeAndSigningUsage() throws Exception {
        CertificateAuthority.Issued i = ca.issue("临江华信科技有限公司", "91320100MA1WXY2345", NOW);
        X509Certificate c = i.certificate();
        c.verify(ca.root().getPublicKey());
        c.checkValidity(java.util.Date.from(NOW));
        assertEquals("RSA-2048", i.keyAlgorithm());
        CertificateSubject s = CertificateSubject.of(c);
        assertEquals("临江华信科技有限公司", s.commonName(), "UTF-8 Chinese survives");
        assertEquals("临江华信科技有限公司", s.organisation());
        assertEquals("91320100MA1WXY2345", s.creditCode());
        String dn = CertificateSubject.text(c.getSubjectX500Principal());
        assertTrue(dn.contains("organizationIdentifier=NTRCN-91320100MA1WXY2345"), dn);
        assertTrue(dn.contains("SERIALNUMBER=91320100MA1WXY2345"), dn);
        assertTrue(dn.contains("C=CN"), dn);
        boolean[] ku = c.getKeyUsage();
        assertTrue(ku[0] && ku[1], "digitalSignature and nonRepudiation");
        assertFalse(ku[5], "not a CA key");
        assertEquals(-1, c.getBasicConstraints());
        assertEquals(
                NOW.atZone(ZoneOffset.UTC).plusYears(3).toInstant(), c.getNotAfter().toInstant());
        assertTrue(c.getNotBefore().toInstant().isBefore(NOW));
        assertTrue(c.getSerialNumber().bitLength() > 64 && c.getSerialNumber().bitLength() <= 128);
        assertNotEquals(
                c.getSerialNumber(),
                ca.issue("临江华信科技有限公司", "91320100MA1WXY2345", NOW).certificate().getSerialNumber());
        byte[] aki =
                AuthorityKeyIdentifier.getInstance(
                                ASN1OctetString.getInstance(
                                                c.getExtensionValue(
                                                        Extension.authorityKeyIdentifier.getId()))
                                        .getOctets())
                        .getKeyIdentifierOctets();
        byte[] ski =
                SubjectKeyIdentifier.getInstance(
                                ASN1OctetString.getInstance(
                                                ca.root()
                                                        .getExtensionValue(
                                                                Extension.subjectKeyIdentifier
                                                                        .getId()))
                                        .getOctets())
                        .getKeyIdentifier();
        assertArrayEquals(ski, aki, "AKI names the root's SKI");
        assertTrue(c.getExtensionValue(Extension.subjectKeyIdentifier.getId()) != null);
    }

    @Test
    void organisationCertificateNeverOutlivesTheRoot() {
        Instant late = ca.root().getNotAfter().toInstant().minus(Duration.ofDays(30));
        X509Certificate c = ca.issue("某单位", null, late).certificate();
        assertEquals(ca.root().getNotAfter(), c.getNotAfter());
        assertEquals(null, CertificateSubject.of(c).creditCode());
    }

    @Test
    void pemRoundTrip() {
        String pem = CertificateAuthority.toPem(ca.root());
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertEquals(ca.root(), CertificateAuthority.fromPem(pem));
    }
}

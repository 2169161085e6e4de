package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PKCS#12 files from an "outside CA", made here with the JDK's key store. */
class Pkcs12ImportTest {
    static final Instant NOW = Instant.parse("2025-06-01T02:00:00Z");
    static final char[] PASSWORD = "p12-Secret!".toCharArray();
    static KeyPair rsa;
    static KeyPair ec;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rsa = g.generateKeyPair();
        KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
        e.initialize(256);
        ec = e.generateKeyPair();
    }

    @Test
    void acceptsAValidSigningCertificateWithItsKey() {
        byte[] p12 = p12(rsa, "SHA256withRSA", NOW.minus(Duration.ofDays(10)), days(365), sign());
        Pkcs12Import.Imported i = Pkcs12Import.read(p12, PASSWORD, NOW);
        assertEquals("RSA-2048", i.keyAlgorithm());
        assertEquals("外部CA签发单位", CertificateSubject.of(i.certificate()).commonName());
        assertEquals("91320105MA1P7QR8X1", CertificateSubject.of(i.certificate()).creditCode());
    }

    @Test
    void acceptsAnEcKey() {
        byte[] p12 = p12(ec, "SHA256withECDSA", NOW.minus(Duration.ofDays(1)), days(30), sign());
        assertEquals("EC-256", Pkcs12Import.read(p12, PASSWORD, NOW).keyAlgorithm());
    }

    @Test
    void wrongPasswordIsRefused() {
        byte[] p12 = p12(rsa, "SHA256withRSA", NOW.minus(Duration.ofDays(1)), days(30), sign());
        assertCode(
                ProblemCode.PKCS12_PASSWORD_WRONG,
                () -> Pkcs12Import.read(p12, "wrong".toCharArray(), NOW));
    }

    @Test
    void expiredOrNotYetValidCertificateIsRefused() {
        byte[] old = p12(rsa, "SHA256withRSA", NOW.minus(Duration.ofDays(400)), days(365), sign());
        assertCode(ProblemCode.CERTIFICATE_EXPIRED, () -> Pkcs12Import.read(old, PASSWORD, NOW));
        byte[] future = p12(rsa, "SHA256withRSA", NOW.plus(Duration.ofDays(2)), days(365), sign());
        assertCode(
                ProblemCode.CERTIFICATE_NOT_YET_VALID,
                () -> Pkcs12Import.read(future, PASSWORD, NOW));
    }

    @Test
    void certificateForEnciphermentOnlyIsRefused() {
        byte[] p12 =
                p12(
                        rsa,
                        "SHA256withRSA",
                        NOW.minus(Duration.ofDays(1)),
                        days(30),
                        new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment));
        assertCode(
                ProblemCode.CERTIFICATE_USAGE_WRONG, () -> Pkcs12Import.read(p12, PASSWORD, NOW));
    }

    @Test
    void fileWithoutKeyIsRefused() throws Exception {
        X509Certificate c =
                cert(rsa, "SHA256withRSA", NOW.minus(Duration.ofDays(1)), days(30), sign());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("only-a-certificate", c);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, PASSWORD);
        assertCode(
                ProblemCode.PKCS12_NO_KEY,
                () -> Pkcs12Import.read(out.toByteArray(), PASSWORD, NOW));
    }

    @Test
    void garbageIsRefused() {
        assertCode(
                ProblemCode.PKCS12_UNREADABLE,
                () -> Pkcs12Import.read("not a key store".getBytes(), PASSWORD, NOW));
        assertCode(
                ProblemCode.PKCS12_UNREADABLE, () -> Pkcs12Import.read(new byte[0], PASSWORD, NOW));
    }

    private static void assertCode(ProblemCode code, Runnable r) {
        assertEquals(code, assertThrows(Refusal.class, r::run).code());
    }

    private static KeyUsage sign() {
        return new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    private static Duration days(int d) {
        return Duration.ofDays(d);
    }

    static byte[] p12(KeyPair kp, String alg, Instant from, Duration valid, KeyUsage usage) {
        try {
            X509Certificate c = cert(kp, alg, from, valid, usage);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(
                    "signing", (PrivateKey) kp.getPrivate(), PASSWORD, new Certificate[] {c});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, PASSWORD);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate cert(
            KeyPair kp, String alg, Instant from, Duration valid, KeyUsage usage) throws Exception {
        X500Name name =
                new CertificateSubject("外部CA签发单位", "外部CA签发单位", "91320105MA1P7QR8X1").toX500Name();
        X509v3CertificateBuilder b =
                new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.valueOf(System.nanoTime()),
                                Date.from(from),
                                Date.from(from.plus(valid)),
                                name,
                                kp.getPublic())
                        .addExtension(Extension.keyUsage, true, usage);
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())));
    }
}

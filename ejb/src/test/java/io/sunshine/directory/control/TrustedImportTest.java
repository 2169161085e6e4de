package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/** A signature made with an imported (outside CA, here EC) key, trusted as that certificate. */
class TrustedImportTest {
    @Test
    void importedEcCertificateSignsAndIsTrustedAsItself() throws Exception {
        Instant now = Instant.now();
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        byte[] p12 =
                Pkcs12ImportTest.p12(
                        kp,
                        "SHA256withECDSA",
                        now.minus(Duration.ofDays(1)),
                        Duration.ofDays(30),
                        new KeyUsage(KeyUsage.nonRepudiation));
        Pkcs12Import.Imported i = Pkcs12Import.read(p12, Pkcs12ImportTest.PASSWORD, now);
        byte[] signed =
                new PadesSigner(PadesSignerTest.FONT)
                        .sign(
                                PadesSignerTest.contract(),
                                i.privateKey(),
                                List.of(i.certificate()),
                                new PadesSigner.Request(
                                        "外部CA签发单位",
                                        "合同签订",
                                        "阳光采购平台",
                                        now,
                                        new StampPlacement(0, 60, 60, 120, 120)));
        SignatureReport trusted =
                PdfSignatureVerifier.verify(signed, List.of(i.certificate())).get(0);
        assertTrue(trusted.intact(), trusted.toString());
        assertEquals("91320105MA1P7QR8X1", trusted.signerCreditCode());
        SignatureReport unknown =
                PdfSignatureVerifier.verify(
                                signed, List.of(CertificateAuthority.createRoot("x", now).root()))
                        .get(0);
        assertTrue(unknown.signatureValid());
        assertFalse(unknown.certificateTrusted());
    }
}

package io.sunshine.directory.control;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The platform's certificate authority: a self-signed root (RSA 3072, 20 years) that issues each
 * organisation's signing certificate (RSA 2048, 3 years, never beyond the root).
 *
 * <p>Uses the JDK's own crypto providers through BouncyCastle's certificate builders; no provider
 * is registered with the JVM (an application server shares {@code java.security.Security} among all
 * applications).
 *
 * <pre>{@code
 * CertificateAuthority ca = CertificateAuthority.createRoot("阳光采购平台", clock.instant());
 * CertificateAuthority.Issued org = ca.issue("临江华信科技有限公司", "91320100MA1WXY2345", now);
 * }</pre>
 */
public final class CertificateAuthority {
    public static final int ROOT_KEY_BITS = 3072;
    public static final int ORGANISATION_KEY_BITS = 2048;
    public static final int ROOT_YEARS = 20;
    public static final int ORGANISATION_YEARS = 3;

    /** Validity starts a little in the past, so a verifier whose clock lags still accepts it. */
    static final Duration BACKDATE = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate root;
    private final PrivateKey rootKey;

    /** A certificate with its private key. */
    public record Issued(X509Certificate certificate, PrivateKey privateKey) {
        public Issued {
            Objects.requireNonNull(certificate);
            Objects.requireNonNull(privateKey);
        }

        /** E.g. {@code RSA-2048}. */
        public String keyAlgorithm() {
            return CertificateAuthority.keyAlgorithm(certificate.getPublicKey());
        }
    }

    /** The authority of an existing root (loaded from its files). */
    public CertificateAuthority(X509Certificate root, PrivateKey rootKey) {
        this.root = Objects.requireNonNull(root, "The CA needs its root certificate.");
        this.rootKey = Objects.requireNonNull(rootKey, "The CA needs its root key.");
    }

    /** Creates a new root: RSA 3072, self-signed, CA, keyCertSign and cRLSign, 20 years. */
    public static CertificateAuthority createRoot(String platformName, Instant now) {
        KeyPair kp = generateRsa(ROOT_KEY_BITS);
        X500Name name =
                new X500NameBuilder(BCStyle.INSTANCE)
                        .addRDN(BCStyle.C, "CN")
                        .addRDN(BCStyle.O, platformName)
                        .addRDN(BCStyle.CN, platformName + " 根证书 Root CA")
                        .build();
        Instant from = now.minus(BACKDATE);
        Instant to = now.atZone(ZoneOffset.UTC).plusYears(ROOT_YEARS).toInstant();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b =
                    new JcaX509v3CertificateBuilder(
                                    name,
                                    randomSerial(),
                                    Date.from(from),
                                    Date.from(to),
                                    name,
                                    kp.getPublic())
                            .addExtension(
                                    Extension.basicConstraints, true, new BasicConstraints(true))
                            .addExtension(
                                    Extension.keyUsage,
                                    true,
                                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                            .addExtension(
                                    Extension.subjectKeyIdentifier,
                                    false,
                                    ext.createSubjectKeyIdentifier(kp.getPublic()));
            return new CertificateAuthority(sign(b, kp.getPrivate()), kp.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot create the platform root certificate", e);
        }
    }

    /**
     * Issues an organisation's signing certificate: RSA 2048, digitalSignature and nonRepudiation,
     * subject {@code C=CN, O=<name>, organizationIdentifier=NTRCN-<code>, serialNumber=<code>,
     * CN=<name>} (see {@link CertificateSubject} for why the code is there twice).
     */
    public Issued issue(String organisationName, String creditCode, Instant now) {
        Objects.requireNonNull(organisationName, "An organisation certificate needs a name.");
        KeyPair kp = generateRsa(ORGANISATION_KEY_BITS);
        X500Name subject =
                new CertificateSubject(organisationName, organisationName, creditCode).toX500Name();
        Instant from = now.minus(BACKDATE);
        Instant to = now.atZone(ZoneOffset.UTC).plusYears(ORGANISATION_YEARS).toInstant();
        if (to.isAfter(root.getNotAfter().toInstant())) {
            to = root.getNotAfter().toInstant();
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b =
                    new JcaX509v3CertificateBuilder(
                                    root,
                                    randomSerial(),
                                    Date.from(from),
                                    Date.from(to),
                                    subject,
                                    kp.getPublic())
                            .addExtension(
                                    Extension.basicConstraints, true, new BasicConstraints(false))
                            .addExtension(
                                    Extension.keyUsage,
                                    true,
                                    new KeyUsage(
                                            KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                            .addExtension(
                                    Extension.subjectKeyIdentifier,
                                    false,
                                    ext.createSubjectKeyIdentifier(kp.getPublic()))
                            .addExtension(
                                    Extension.authorityKeyIdentifier,
                                    false,
                                    ext.createAuthorityKeyIdentifier(root));
            return new Issued(sign(b, rootKey), kp.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue an organisation certificate", e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    /** The root's private key, for storing it wrapped under the master key. */
    public PrivateKey rootKey() {
        return rootKey;
    }

    /** A positive random 128-bit serial (RFC 5280 §4.1.2.2: unique, at most 20 octets). */
    static BigInteger randomSerial() {
        BigInteger s;
        do {
            s = new BigInteger(128, RANDOM);
        } while (s.signum() == 0);
        return s;
    }

    private static KeyPair generateRsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is missing from this JDK", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws CertificateException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            b.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("SHA256withRSA is missing from this JDK", e);
        }
    }

    /** E.g. {@code RSA-2048}, {@code EC-256}. */
    public static String keyAlgorithm(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (key instanceof java.security.interfaces.ECPublicKey ec) {
            return "EC-" + ec.getParams().getOrder().bitLength();
        }
        return key.getAlgorithm();
    }

    // ---- encodings -----------------------------------------------------------------------

    public static String toPem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateException e) {
            throw new IllegalStateException("Cannot encode a certificate", e);
        }
    }

    public static X509Certificate fromPem(String pem) {
        String b64 =
                pem.replace("-----BEGIN CERTIFICATE-----", "")
                        .replace("-----END CERTIFICATE-----", "")
                        .replaceAll("\\s", "");
        return fromDer(Base64.getDecoder().decode(b64));
    }

    public static X509Certificate fromDer(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Not an X.509 certificate", e);
        }
    }

    /** A PKCS#8 private key of the given algorithm ({@code RSA} or {@code EC}). */
    public static PrivateKey privateKey(String algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a " + algorithm + " private key", e);
        }
    }
}

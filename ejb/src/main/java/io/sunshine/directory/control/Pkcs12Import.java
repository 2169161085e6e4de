package io.sunshine.directory.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * Reads an organisation's signing key and certificate from a PKCS#12 file issued by an outside CA
 * (e.g. a 数字证书 from a licensed Chinese CA) and refuses what the platform cannot sign with.
 *
 * <p>Accepted: exactly one private-key entry; its certificate valid now; key usage that allows
 * signing ({@code digitalSignature} or {@code nonRepudiation}, or no key-usage extension at all);
 * an RSA (2048 bits or more) or EC key.
 *
 * <pre>{@code
 * Pkcs12Import.Imported i = Pkcs12Import.read(bytes, password, clock.instant());
 * // Refusal PKCS12_PASSWORD_WRONG, PKCS12_NO_KEY, CERTIFICATE_EXPIRED, CERTIFICATE_USAGE_WRONG …
 * }</pre>
 */
public final class Pkcs12Import {
    public static final int MAX_BYTES = 64 * 1024;
    static final int MIN_RSA_BITS = 2048;

    private Pkcs12Import() {}

    /** The key, its certificate, and the rest of the chain as the file carries it. */
    public record Imported(
            PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
        public Imported {
            chain = List.copyOf(chain);
        }

        public String keyAlgorithm() {
            return CertificateAuthority.keyAlgorithm(certificate.getPublicKey());
        }
    }

    public static Imported read(byte[] p12, char[] password, Instant now) {
        if (p12 == null || p12.length == 0) {
            throw new Refusal(ProblemCode.PKCS12_UNREADABLE, "pkcs12", "empty");
        }
        if (p12.length > MAX_BYTES) {
            throw new Refusal(ProblemCode.PKCS12_UNREADABLE, "pkcs12", "larger than 64 KiB");
        }
        char[] pw = password == null ? new char[0] : password;
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(p12), pw);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase().contains("password")) {
                throw new Refusal(ProblemCode.PKCS12_PASSWORD_WRONG, "password");
            }
            throw new Refusal(ProblemCode.PKCS12_UNREADABLE, "pkcs12", "not a PKCS#12 file");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Refusal(ProblemCode.PKCS12_UNREADABLE, "pkcs12", "not a PKCS#12 file");
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.isEmpty()) {
                throw new Refusal(ProblemCode.PKCS12_NO_KEY, "pkcs12");
            }
            if (keyAliases.size() > 1) {
                throw new Refusal(ProblemCode.PKCS12_SEVERAL_KEYS, "pkcs12", keyAliases.size());
            }
            String alias = keyAliases.get(0);
            PrivateKey key;
            try {
                key = (PrivateKey) ks.getKey(alias, pw);
            } catch (UnrecoverableKeyException e) {
                throw new Refusal(ProblemCode.PKCS12_PASSWORD_WRONG, "password");
            }
            Certificate[] chain = ks.getCertificateChain(alias);
            if (key == null || chain == null || chain.length == 0) {
                throw new Refusal(ProblemCode.PKCS12_NO_KEY, "pkcs12");
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
                certs.add((X509Certificate) c);
            }
            X509Certificate cert = certs.get(0);
            checkKey(key);
            checkValidity(cert, now);
            checkUsage(cert);
            if (!cert.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
                throw new Refusal(ProblemCode.PKCS12_NO_KEY, "pkcs12");
            }
            return new Imported(key, cert, certs.subList(1, certs.size()));
        } catch (GeneralSecurityException e) {
            throw new Refusal(
                    ProblemCode.PKCS12_UNREADABLE, "pkcs12", e.getClass().getSimpleName());
        }
    }

    private static void checkKey(PrivateKey key) {
        if (key instanceof RSAPrivateKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new Refusal(
                        ProblemCode.CERTIFICATE_KEY_UNSUPPORTED,
                        "pkcs12",
                        "RSA-" + rsa.getModulus().bitLength());
            }
            return;
        }
        if (key instanceof ECPrivateKey) {
            return;
        }
        throw new Refusal(ProblemCode.CERTIFICATE_KEY_UNSUPPORTED, "pkcs12", key.getAlgorithm());
    }

    static void checkValidity(X509Certificate cert, Instant now) {
        Date at = Date.from(now);
        if (at.after(cert.getNotAfter())) {
            throw new Refusal(
                    ProblemCode.CERTIFICATE_EXPIRED, "pkcs12", cert.getNotAfter().toInstant());
        }
        if (at.before(cert.getNotBefore())) {
            throw new Refusal(
                    ProblemCode.CERTIFICATE_NOT_YET_VALID,
                    "pkcs12",
                    cert.getNotBefore().toInstant());
        }
    }

    /** keyUsage bit 0 digitalSignature, bit 1 nonRepudiation (contentCommitment). */
    static void checkUsage(X509Certificate cert) {
        boolean[] usage = cert.getKeyUsage();
        if (usage != null && !(usage[0] || (usage.length > 1 && usage[1]))) {
            throw new Refusal(ProblemCode.CERTIFICATE_USAGE_WRONG, "pkcs12");
        }
    }
}

package io.sunshine.directory.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's master key: AES-256-GCM that wraps the secrets the platform must keep but never
 * store in clear (the organisations' signing keys, the platform CA's key). The key itself comes
 * from configuration ({@code sunshine.master-key}, 32 random bytes in Base64), never from the
 * database or the repository.
 *
 * <p>A wrapped value is {@code 0x01 ‖ nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes)}; the leading
 * version byte lets a later format (or a rotated key) sit beside this one. A fresh random nonce is
 * drawn for every wrap, so the same secret never wraps to the same bytes. The optional {@code
 * purpose} is bound as associated data: a value wrapped for one row cannot be swapped into another.
 *
 * <pre>{@code
 * MasterKey mk = MasterKey.fromBase64(configured);
 * byte[] stored = mk.wrap(privateKey.getEncoded(), "organisation-key:" + serial);
 * byte[] pkcs8 = mk.unwrap(stored, "organisation-key:" + serial);
 * }</pre>
 */
public final class MasterKey {
    /** The configuration key that holds the Base64 master key. */
    public static final String CONFIG_KEY = "sunshine.master-key";

    static final byte VERSION_1 = 1;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private MasterKey(byte[] raw) {
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * The master key from its configured Base64 text.
     *
     * @throws IllegalStateException when it is missing, not Base64 or not 32 bytes, saying what to
     *     configure (the message never contains the configured value)
     */
    public static MasterKey fromBase64(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(
                    "The master key is not configured: set "
                            + CONFIG_KEY
                            + " to 32 random bytes in Base64 (e.g. `head -c 32 /dev/urandom |"
                            + " base64`); prepare-domain.sh gives it to Payara as the password"
                            + " alias sunshine-master-key");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The master key " + CONFIG_KEY + " is not valid Base64", null);
        }
        if (raw.length != KEY_BYTES) {
            int n = raw.length;
            Arrays.fill(raw, (byte) 0);
            throw new IllegalStateException(
                    "The master key "
                            + CONFIG_KEY
                            + " must be 32 bytes (AES-256) in Base64, not "
                            + n
                            + " bytes");
        }
        try {
            return new MasterKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** A new random master key in Base64, for tests and first-time set-up. */
    public static String generateBase64() {
        byte[] raw = new byte[KEY_BYTES];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    public byte[] wrap(byte[] secret) {
        return wrap(secret, null);
    }

    public byte[] unwrap(byte[] wrapped) {
        return unwrap(wrapped, null);
    }

    /** Encrypts {@code secret}, bound to {@code purpose} (may be null). */
    public byte[] wrap(byte[] secret, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData(purpose));
            byte[] sealed = c.doFinal(secret);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION_1)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    /**
     * Decrypts a value made by {@link #wrap(byte[], String)} with the same purpose.
     *
     * @throws IllegalArgumentException when the value is of an unknown version, was altered, or was
     *     wrapped under another key or purpose
     */
    public byte[] unwrap(byte[] wrapped, String purpose) {
        if (wrapped == null || wrapped.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("Not a wrapped value: too short");
        }
        if (wrapped[0] != VERSION_1) {
            throw new IllegalArgumentException("Unknown wrapped-value version " + wrapped[0]);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, wrapped, 1, NONCE_BYTES));
            c.updateAAD(associatedData(purpose));
            return c.doFinal(wrapped, 1 + NONCE_BYTES, wrapped.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException(
                    "The wrapped value was altered, or wrapped under another master key or"
                            + " purpose");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    private static byte[] associatedData(String purpose) {
        return ("sunshine-master-key-v1|" + (purpose == null ? "" : purpose))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MasterKey[AES-256-GCM]";
    }
}

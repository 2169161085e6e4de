package io.sunshine.directory.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes and checks the API's bearer tokens: {@code base64url(claims).base64url(HMAC-SHA256)}. The
 * claims are the token id, the user name, and the issue and expiry instants (epoch seconds).
 *
 * <p>The signature only proves the platform issued the token and that it is unchanged; whether it
 * is still good (not revoked at logout or lockout) is asked of the database by the boundary, so
 * that every instance of a cluster agrees.
 */
public final class BearerTokenCodec {
    private static final String MAC = "HmacSHA256";
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final byte[] key;

    public BearerTokenCodec(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("The token key needs at least 256 bits.");
        }
        this.key = key.clone();
    }

    /** The claims a token carries. */
    public record Claims(String tokenId, String username, Instant issuedAt, Instant expiresAt) {}

    public String encode(Claims c) {
        String payload =
                String.join(
                        "|",
                        VERSION,
                        c.tokenId(),
                        c.username(),
                        Long.toString(c.issuedAt().getEpochSecond()),
                        Long.toString(c.expiresAt().getEpochSecond()));
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return ENC.encodeToString(p) + "." + ENC.encodeToString(mac(p));
    }

    /** The claims of a well-signed token that has not expired at {@code now}; else empty. */
    public Optional<Claims> decode(String token, Instant now) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DEC.decode(token.substring(0, dot));
            byte[] sig = DEC.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sig, mac(payload))) {
                return Optional.empty();
            }
            String[] f = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (f.length != 5 || !VERSION.equals(f[0])) {
                return Optional.empty();
            }
            Claims c =
                    new Claims(
                            f[1],
                            f[2],
                            Instant.ofEpochSecond(Long.parseLong(f[3])),
                            Instant.ofEpochSecond(Long.parseLong(f[4])));
            return now.isBefore(c.expiresAt()) ? Optional.of(c) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

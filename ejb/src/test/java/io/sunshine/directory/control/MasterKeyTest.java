package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MasterKeyTest {
    private final MasterKey key = MasterKey.fromBase64(MasterKey.generateBase64());
    private final byte[] secret = "私钥 PKCS#8 bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void wrapsAndUnwrapsWithAFreshNonceEachTime() {
        byte[] one = key.wrap(secret, "organisation-key:1");
        byte[] two = key.wrap(secret, "organisation-key:1");
        assertFalse(Arrays.equals(one, two), "a fresh nonce per wrap");
        assertEquals(MasterKey.VERSION_1, one[0], "versioned format");
        assertEquals(1 + 12 + secret.length + 16, one.length);
        assertArrayEquals(secret, key.unwrap(one, "organisation-key:1"));
        assertArrayEquals(secret, key.unwrap(two, "organisation-key:1"));
        assertArrayEquals(secret, key.unwrap(key.wrap(secret)));
    }

    @Test
    void alteredValueIsRefused() {
        byte[] w = key.wrap(secret, "p");
        for (int i : new int[] {5, 1 + 12 + 2, w.length - 1}) {
            byte[] t = w.clone();
            t[i] ^= 1;
            assertThrows(IllegalArgumentException.class, () -> key.unwrap(t, "p"), "byte " + i);
        }
        byte[] v = w.clone();
        v[0] = 2;
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> key.unwrap(v, "p"))
                        .getMessage()
                        .contains("version"));
        assertThrows(IllegalArgumentException.class, () -> key.unwrap(Arrays.copyOf(w, 20), "p"));
    }

    @Test
    void valueIsBoundToItsPurposeAndKey() {
        byte[] w = key.wrap(secret, "organisation-key:1");
        assertThrows(IllegalArgumentException.class, () -> key.unwrap(w, "organisation-key:2"));
        MasterKey other = MasterKey.fromBase64(MasterKey.generateBase64());
        assertThrows(IllegalArgumentException.class, () -> other.unwrap(w, "organisation-key:1"));
    }

    @Test
    void missingOrShortKeyIsAClearConfigurationError() {
        String missing =
                assertThrows(IllegalStateException.class, () -> MasterKey.fromBase64(" "))
                        .getMessage();
        assertTrue(missing.contains("sunshine.master-key"), missing);
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        String tooShort =
                assertThrows(IllegalStateException.class, () -> MasterKey.fromBase64(shortKey))
                        .getMessage();
        assertTrue(tooShort.contains("32 bytes") && tooShort.contains("16"), tooShort);
        assertFalse(tooShort.contains(shortKey), "never echoes the key");
        assertThrows(IllegalStateException.class, () -> MasterKey.fromBase64("not base64!"));
        assertThrows(IllegalStateException.class, () -> MasterKey.fromBase64(null));
    }
}

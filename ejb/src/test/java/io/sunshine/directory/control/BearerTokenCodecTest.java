package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.directory.control.BearerTokenCodec.Claims;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BearerTokenCodecTest {
    private static final byte[] KEY = new byte[32];
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private final BearerTokenCodec codec = new BearerTokenCodec(KEY);
    private final Claims claims = new Claims("tid123", "supplier1", NOW, NOW.plusSeconds(3600));

    @Test
    void aTokenRoundTripsUntilItExpires() {
        String t = codec.encode(claims);
        assertEquals(claims, codec.decode(t, NOW.plusSeconds(10)).orElseThrow());
        assertTrue(codec.decode(t, NOW.plusSeconds(3600)).isEmpty());
    }

    @Test
    void aChangedPayloadOrSignatureIsRefused() {
        String t = codec.encode(claims);
        String forged = codec.encode(new Claims("tid123", "admin", NOW, NOW.plusSeconds(3600)));
        String mixed = forged.substring(0, forged.indexOf('.')) + t.substring(t.indexOf('.'));
        assertTrue(codec.decode(mixed, NOW).isEmpty());
        assertTrue(codec.decode(t.substring(0, t.length() - 2) + "AA", NOW).isEmpty());
        assertTrue(codec.decode("garbage", NOW).isEmpty());
        assertTrue(codec.decode("a.b.c", NOW).isEmpty());
        assertTrue(codec.decode(null, NOW).isEmpty());
    }

    @Test
    void anotherKeyDoesNotVerify() {
        byte[] other = KEY.clone();
        other[0] = 8;
        assertTrue(new BearerTokenCodec(other).decode(codec.encode(claims), NOW).isEmpty());
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BearerTokenCodec(new byte[16]));
    }
}

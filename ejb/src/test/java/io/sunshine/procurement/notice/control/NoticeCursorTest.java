package io.sunshine.procurement.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NoticeCursorTest {

    @Test
    void aCursorComesBackAsItWentOutToTheMicrosecond() {
        NoticeCursor c = new NoticeCursor(Instant.parse("2026-12-01T08:30:15.123456789Z"), 150);
        String encoded = c.encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        NoticeCursor back = NoticeCursor.decode(encoded, "before");
        assertEquals(Instant.parse("2026-12-01T08:30:15.123456Z"), back.publishedAt());
        assertEquals(150, back.id());
        assertEquals(c, back);
    }

    @Test
    void instantsBeforeTheEpochAreCursorsToo() {
        NoticeCursor c = new NoticeCursor(Instant.parse("1969-12-31T23:59:59Z"), 1);
        assertEquals(c, NoticeCursor.decode(c.encode(), "before"));
    }

    @Test
    void malformedCursorsAreRefused() {
        for (String bad :
                new String[] {
                    null,
                    "",
                    "!!!",
                    b64("v1.123"),
                    b64("v2.1.2"),
                    b64("v1.abc.1"),
                    b64("v1.1.-2"),
                    b64("v1.99999999999999999999.1"),
                    b64("v1.1.2' OR 1=1"),
                    "x".repeat(65)
                }) {
            Refusal r =
                    assertThrows(
                            Refusal.class,
                            () -> NoticeCursor.decode(bad, "after"),
                            String.valueOf(bad));
            assertEquals(ProblemCode.NOTICE_CURSOR_INVALID, r.code());
            assertEquals("after", r.field());
        }
    }

    @Test
    void theRefusalShowsAShortenedValue() {
        Refusal r =
                assertThrows(Refusal.class, () -> NoticeCursor.decode("y".repeat(60), "before"));
        assertEquals("y".repeat(37) + "...", r.args()[0]);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }
}

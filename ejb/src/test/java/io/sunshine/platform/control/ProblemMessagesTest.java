package io.sunshine.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

    @Test
    void everyCodeHasATitleAndMessageInBothLanguages() {
        for (ProblemCode code : ProblemCode.values()) {
            for (Locale l : new Locale[] {ProblemMessages.CHINESE, ProblemMessages.ENGLISH}) {
                assertNotEquals(code.name(), ProblemMessages.title(code, l), code + " title " + l);
                assertNotEquals(
                        code.name(), ProblemMessages.message(code, l, "a", "b"), code + " " + l);
            }
        }
    }

    @Test
    void chineseIsTheDefaultAndEnglishTheSecondLanguage() {
        String zh =
                ProblemMessages.message(
                        ProblemCode.CALENDAR_YEAR_NOT_COVERED, Locale.FRENCH, "2031", "2031-01-05");
        assertTrue(zh.contains("2031 年"), zh);
        String en =
                ProblemMessages.message(
                        ProblemCode.CALENDAR_YEAR_NOT_COVERED, Locale.US, "2031", "2031-01-05");
        assertTrue(en.startsWith("The platform's working-day calendar"), en);
        assertFalse(en.contains("{0}"));
        assertEquals(ProblemMessages.ENGLISH, ProblemMessages.supported(Locale.UK));
        assertEquals(
                ProblemMessages.CHINESE, ProblemMessages.supported(Locale.TRADITIONAL_CHINESE));
    }
}

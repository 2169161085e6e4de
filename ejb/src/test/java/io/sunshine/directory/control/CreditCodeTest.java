package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    /**
     * Published codes of real organisations and the standard's own example: independent vectors.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "914403001922038216",
                "91440300708461136T",
                "91350100M000100Y43",
                "91110000802100433B"
            })
    void acceptsPublishedCodes(String code) {
        assertEquals(code, CreditCode.check(code));
    }

    @Test
    void trimsAndUpperCases() {
        assertEquals("91440300708461136T", CreditCode.check(" 91440300708461136t "));
    }

    private static String reason(String code, Locale locale) {
        Refusal r = assertThrows(Refusal.class, () -> CreditCode.check(code));
        assertEquals(ProblemCode.CREDIT_CODE_INVALID, r.code());
        assertEquals("creditCode", r.field());
        return ProblemMessages.message(r.code(), locale, r.args());
    }

    @Test
    void aWrongCheckCharacterIsNamedWithTheRightOne() {
        String zh = reason("914403001922038217", Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.contains("第 18 位校验码不符") && zh.contains("应为“6”"), zh);
        String en = reason("914403001922038217", Locale.ENGLISH);
        assertTrue(en.contains("should be \"6\""), en);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "Z", "S", "V"})
    void forbiddenLettersAreRefused(String letter) {
        String code = "9144030019220382" + letter + "6";
        String zh = reason(code, Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.contains("第 17 位“" + letter + "”不是允许的字符"), zh);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91440300708461136", "91440300708461136TT", "9144030070846113"})
    void wrongLengthsAreRefused(String code) {
        String en = reason(code, Locale.ENGLISH);
        assertTrue(en.contains("18 characters, not " + code.length()), en);
    }

    @Test
    void aWrongEmbeddedOrganisationCodeIsRefused() {
        // 19220382 → its GB 11714 check character is 1; with 2 the embedded code is wrong, even
        // though the GB 32100 check character is then recomputed to match
        String body = "914403001922038" + "22";
        String code = body + CreditCode.checkCharacter(body);
        String zh = reason(code, Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.contains("组织机构代码的校验码不符") && zh.contains("应为“1”"), zh);
    }

    @Test
    void theDivisionCodeIsDigits() {
        String en = reason("91A403001922038216", Locale.ENGLISH);
        assertTrue(en.contains("administrative division"), en);
    }

    @Test
    void organisationCheckCharacterCoversXAndZero() {
        // 6 × 2 = 12, 12 mod 11 = 1, 11 − 1 = 10 → X
        assertEquals('X', CreditCode.organisationCheckCharacter("00000006"));
        // 0 mod 11 = 0, 11 − 0 = 11 → 0
        assertEquals('0', CreditCode.organisationCheckCharacter("00000000"));
        // Huawei's embedded organisation code 19220382-1
        assertEquals('1', CreditCode.organisationCheckCharacter("19220382"));
    }
}

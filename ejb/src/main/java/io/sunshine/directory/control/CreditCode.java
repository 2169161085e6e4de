package io.sunshine.directory.control;

import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.util.Locale;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from {@code
 * 0-9A-HJ-NPQRTUWXY} — registration authority (1), organisation category (1), administrative
 * division (6 digits), the organisation code of GB 11714 (8 characters and its own check
 * character), and a check character over the first 17 with weights 3^(i−1) mod 31.
 *
 * <pre>{@code
 * String code = CreditCode.check(" 914403001922038216 "); // "914403001922038216"
 * CreditCode.check("914403001922038217"); // Refusal CREDIT_CODE_INVALID: check character should be "6"
 * }</pre>
 */
public final class CreditCode {
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String FIELD = "creditCode";

    private CreditCode() {}

    /** The code, trimmed and upper-cased, if valid; else a refusal naming what is wrong. */
    public static String check(String input) {
        String code = input == null ? "" : input.strip().toUpperCase(Locale.ROOT);
        if (code.length() != 18) {
            throw refusal(code, "LENGTH", String.valueOf(code.length()));
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                throw refusal(
                        code, "CHARACTER", String.valueOf(i + 1), String.valueOf(code.charAt(i)));
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                throw refusal(code, "DIVISION");
            }
        }
        char organisationCheck = organisationCheckCharacter(code.substring(8, 16));
        if (code.charAt(16) != organisationCheck) {
            throw refusal(code, "ORGANISATION_CODE", String.valueOf(organisationCheck));
        }
        char check = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != check) {
            throw refusal(code, "CHECK_CHARACTER", String.valueOf(check));
        }
        return code;
    }

    /** GB 32100 check character of the first 17 characters. */
    static char checkCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714 check character of an 8-character organisation code body: 0–9 or X. */
    static char organisationCheckCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private static Refusal refusal(String code, String reason, Object... args) {
        return new Refusal(
                ProblemCode.CREDIT_CODE_INVALID,
                FIELD,
                code.length() > 40 ? code.substring(0, 40) : code,
                new Localized("reason.creditCode." + reason, args));
    }
}

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

class BankAccountTest {
    private static final String BANK = "中国工商银行滨江支行";
    private static final String NAME = "滨江信达电脑科技有限公司";

    private static Refusal refused(String bank, String name, String number) {
        Refusal r = assertThrows(Refusal.class, () -> BankAccount.of(bank, name, number));
        assertEquals(ProblemCode.BANK_ACCOUNT_INVALID, r.code());
        return r;
    }

    @Test
    void groupsOfDigitsAreKeptAsDigitsOnly() {
        BankAccount a = BankAccount.of(" " + BANK + " ", NAME, "1202 0212 0900-1234 567");
        assertEquals("1202021209001234567", a.accountNumber());
        assertEquals(BANK, a.bankName());
        assertEquals("**** 4567", a.maskedNumber());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1202O21209001234", "12020212-0900-12AB", "１２０２０２１２０９", "+1202021209"})
    void lettersAndOtherCharactersAreRefused(String number) {
        Refusal r = refused(BANK, NAME, number);
        assertEquals("bankAccountNumber", r.field());
        String en = ProblemMessages.message(r.code(), Locale.ENGLISH, r.args());
        assertTrue(en.contains("only digits"), en);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1202  0212 0900", "-12020212090", "12020212090-", "1202--02120900"})
    void separatorsOnlyBetweenDigits(String number) {
        assertEquals("bankAccountNumber", refused(BANK, NAME, number).field());
    }

    @Test
    void tooShortOrTooLongNumbersAreRefusedWithTheCount() {
        Refusal shortOne = refused(BANK, NAME, "1234567");
        String zh =
                ProblemMessages.message(
                        shortOne.code(), Locale.SIMPLIFIED_CHINESE, shortOne.args());
        assertTrue(zh.contains("8 至 30 位") && zh.contains("实际为 7 位"), zh);
        refused(BANK, NAME, "1".repeat(31));
        assertEquals(8, BankAccount.of(BANK, NAME, "12345678").accountNumber().length());
        assertEquals(30, BankAccount.of(BANK, NAME, "1".repeat(30)).accountNumber().length());
    }

    @Test
    void theBankAndTheAccountNameAreRequired() {
        assertEquals("bankName", refused("", NAME, "1202021209001234567").field());
        assertEquals("bankName", refused("工行", NAME, "1202021209001234567").field());
        assertEquals("bankAccountName", refused(BANK, " ", "1202021209001234567").field());
        assertEquals("bankAccountNumber", refused(BANK, NAME, null).field());
    }
}

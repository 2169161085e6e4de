package io.sunshine.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void parsesPlainDecimalsToTwoPlaces() {
        assertEquals("1234.50", Money.parse("1234.5", "amount").toString());
        assertEquals("0.01", Money.parse("0.01", "amount").toString());
        assertEquals("100.00", Money.parse("100", "amount").toString());
        assertEquals("7.00", Money.parse("007", "amount").toString());
        assertEquals("1.20", Money.parse("1.2000", "amount").toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e309",
                "NaN",
                "41e1000000",
                "１２３",
                "12,345.00",
                "+5",
                "1.2.3",
                "0x10",
                " ",
                "",
                "1.234",
                "Infinity",
                "12 345",
                "١٢٣"
            })
    void refusesAnythingButAPlainDecimalWithAtMostTwoPlaces(String text) {
        Refusal r = assertThrows(Refusal.class, () -> Money.parse(text, "amount"));
        assertEquals(ProblemCode.AMOUNT_INVALID, r.code());
        assertEquals("amount", r.field());
    }

    @Test
    void refusesNegativeInput() {
        assertEquals(
                ProblemCode.AMOUNT_NEGATIVE,
                assertThrows(Refusal.class, () -> Money.parse("-1.00", "amount")).code());
    }

    @Test
    void refusesMoreThanSixteenIntegerDigits() {
        assertEquals(
                ProblemCode.AMOUNT_TOO_LARGE,
                assertThrows(Refusal.class, () -> Money.parse("12345678901234567", "amount"))
                        .code());
        assertEquals("9999999999999999.99", Money.parse("9999999999999999.99", "a").toString());
        assertEquals(
                ProblemCode.AMOUNT_TOO_LARGE,
                assertThrows(Refusal.class, () -> Money.parse("99999999999999999999", "a")).code());
    }

    @Test
    void arithmeticStaysExactAndRoundsHalfUpToTheFen() {
        Money unit = Money.parse("0.10", "p");
        assertEquals("0.30", unit.plus(unit).plus(unit).toString());
        assertEquals("3.33", Money.parse("1.11", "p").times(new BigDecimal("3")).toString());
        assertEquals("0.01", Money.parse("0.01", "p").times(new BigDecimal("0.5")).toString());
        assertEquals("-0.90", Money.parse("0.10", "p").minus(Money.parse("1", "p")).toString());
    }

    @Test
    void negativesAreRefusedWhereTheBusinessForbidsThem() {
        Money m = Money.parse("1", "a").minus(Money.parse("2", "a"));
        assertTrue(m.isNegative());
        assertEquals(
                ProblemCode.AMOUNT_NEGATIVE,
                assertThrows(Refusal.class, () -> m.requireNonNegative("amount")).code());
    }

    @Test
    void valueEqualityIgnoresTrailingZerosOfTheInput() {
        assertEquals(Money.of(new BigDecimal("5")), Money.parse("5.00", "a"));
        assertEquals(
                ProblemCode.AMOUNT_INVALID,
                assertThrows(Refusal.class, () -> Money.of(new BigDecimal("0.001"))).code());
    }
}

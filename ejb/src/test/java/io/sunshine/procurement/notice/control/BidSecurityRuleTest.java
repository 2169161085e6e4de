package io.sunshine.procurement.notice.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** 条例 art. 33: 投标保证金不得超过采购项目预算金额的2%. */
class BidSecurityRuleTest {
    private final BidSecurityRule rule = new BidSecurityRule(ShippedRules.table());

    private static Money yuan(String s) {
        return Money.of(new BigDecimal(s));
    }

    @Test
    void exactlyTwoPerCentOfTheBudgetIsAllowed() {
        assertEquals(yuan("20000.00"), rule.maximum(yuan("1000000.00")));
        assertDoesNotThrow(() -> rule.check(yuan("20000.00"), yuan("1000000.00"), "bidSecurity"));
    }

    @Test
    void oneFenOverTwoPerCentIsRefused() {
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () -> rule.check(yuan("20000.01"), yuan("1000000.00"), "bidSecurity"));
        assertEquals(ProblemCode.BID_SECURITY_TOO_HIGH, r.code());
        assertEquals(422, r.code().httpStatus());
        assertEquals("bidSecurity", r.field());
        assertEquals("20,000.01", r.args()[0]);
        assertEquals("20,000.00", r.args()[1]);
        assertEquals("2", r.args()[2]);
        assertEquals("1,000,000.00", r.args()[3]);
        NoticePeriodRuleTest.assertLocalized("source.REG_33", r.args()[4]);
        assertEquals(
                "投标保证金 20,000.01 元超过上限：不得超过采购项目预算金额 1,000,000.00 元的 2%，"
                        + "即 20,000.00 元（《政府采购法实施条例》第三十三条）。",
                ProblemMessages.message(r.code(), ProblemMessages.CHINESE, r.args()));
        assertEquals(
                "The bid security of 20,000.01 yuan is too high: it may be at most 2 % of the"
                    + " budget of 1,000,000.00 yuan, that is 20,000.00 yuan (Regulations for the"
                    + " Implementation of the Government Procurement Law, art. 33).",
                ProblemMessages.message(r.code(), ProblemMessages.ENGLISH, r.args()));
    }

    @Test
    void theMaximumIsRoundedDownToTheFenNeverUp() {
        // 2 % of 333.33 is 6.6666: 6.67 would be above 2 %
        assertEquals(yuan("6.66"), rule.maximum(yuan("333.33")));
        assertDoesNotThrow(() -> rule.check(yuan("6.66"), yuan("333.33"), "bidSecurity"));
        assertThrows(Refusal.class, () -> rule.check(yuan("6.67"), yuan("333.33"), "bidSecurity"));
        // 2 % of 0.49 is 0.0098: no security at all
        assertEquals(Money.ZERO, rule.maximum(yuan("0.49")));
        assertThrows(Refusal.class, () -> rule.check(yuan("0.01"), yuan("0.49"), "bidSecurity"));
    }

    @Test
    void noSecurityIsAlwaysAllowedANegativeOneNever() {
        assertDoesNotThrow(() -> rule.check(Money.ZERO, yuan("1000000.00"), "bidSecurity"));
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () -> rule.check(yuan("-0.01"), yuan("1000000.00"), "bidSecurity"));
        assertEquals(ProblemCode.AMOUNT_NEGATIVE, r.code());
        assertEquals("bidSecurity", r.field());
    }

    @Test
    void aLargeBudgetKeepsItsFen() {
        // 2 % of 9,999,999,999,999,999.99 (the largest amount) is 199,999,999,999,999.9998
        assertEquals(yuan("199999999999999.99"), rule.maximum(yuan("9999999999999999.99")));
    }

    @Test
    void aCityMayAskForLess() {
        var v = new HashMap<>(ShippedRules.values());
        v.put("bid-security.max-percent", "1.5");
        BidSecurityRule city = new BidSecurityRule(NoticePeriods.parse(v));
        assertEquals(yuan("15000.00"), city.maximum(yuan("1000000.00")));
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () -> city.check(yuan("15000.01"), yuan("1000000.00"), "bidSecurity"));
        assertEquals("1.5", r.args()[2]);
    }
}

package io.sunshine.procurement.auction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuctionRulesTest {
    static final Money BUDGET = Money.of(new BigDecimal("312000.00"));

    static AuctionRules rules(
            String ceiling, Decrement d, Duration window, Duration ext, int max, int min) {
        return new AuctionRules(
                Money.of(new BigDecimal(ceiling)),
                d,
                AuctionRules.Basis.BEST,
                window,
                ext,
                max,
                AuctionRules.Visibility.RANK_ONLY,
                min);
    }

    static Decrement amount(String v) {
        return new Decrement(Decrement.Kind.AMOUNT, new BigDecimal(v));
    }

    static void refused(String field, AuctionRules r) {
        Refusal e = assertThrows(Refusal.class, () -> r.check(BUDGET));
        assertEquals(ProblemCode.AUCTION_RULES_INVALID, e.code());
        assertEquals(field, e.field());
    }

    @Test
    void theCeilingIsAtMostTheBudget() {
        Duration five = Duration.ofMinutes(5);
        rules("312000.00", amount("500"), five, five, 3, 3).check(BUDGET);
        refused("ceiling", rules("312000.01", amount("500"), five, five, 3, 3));
        refused("ceiling", rules("0", amount("500"), five, five, 3, 3));
    }

    @Test
    void theDecrementIsPositiveWithTwoDecimalsAndBelowTheCeiling() {
        Duration five = Duration.ofMinutes(5);
        refused("decrement", rules("300000", amount("0"), five, five, 3, 3));
        refused("decrement", rules("300000", amount("0.001"), five, five, 3, 3));
        refused("decrement", rules("300000", amount("300000"), five, five, 3, 3));
        refused(
                "decrement",
                rules(
                        "300000",
                        new Decrement(Decrement.Kind.PERCENT, new BigDecimal("100")),
                        five,
                        five,
                        3,
                        3));
        rules(
                        "300000",
                        new Decrement(Decrement.Kind.PERCENT, new BigDecimal("0.5")),
                        five,
                        five,
                        3,
                        3)
                .check(BUDGET);
    }

    @Test
    void antiSnipingNeedsAnExtensionAndACapAndNoWindowNeedsNeither() {
        Duration five = Duration.ofMinutes(5);
        refused("extension", rules("300000", amount("500"), five, Duration.ZERO, 3, 3));
        refused("extension", rules("300000", amount("500"), five, five, 0, 3));
        refused("window", rules("300000", amount("500"), Duration.ofMinutes(61), five, 3, 3));
        rules("300000", amount("500"), Duration.ZERO, Duration.ZERO, 0, 3).check(BUDGET);
    }

    @Test
    void theMinimumNumberOfBiddersIsAtLeastOne() {
        Duration five = Duration.ofMinutes(5);
        refused("minBidders", rules("300000", amount("500"), five, five, 3, 0));
        assertEquals(3, AuctionRules.DEFAULT_MIN_BIDDERS);
    }
}

package io.sunshine.procurement.auction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuctionSettingsTest {
    private static final Money BUDGET = Money.of(new BigDecimal("100000.00"));

    private static AuctionSettings only(
            BigDecimal ceiling, Decrement.Kind kind, BigDecimal value, Integer duration) {
        return new AuctionSettings(
                ceiling, kind, value, null, null, null, null, null, null, duration);
    }

    @Test
    void leftOutRulesAreTheDefaults() {
        AuctionRules r = AuctionSettings.DEFAULTS.rules(BUDGET);
        assertEquals(AuctionDefaults.forLot(BUDGET), r);
        assertEquals(Duration.ofMinutes(30), AuctionSettings.DEFAULTS.length());
        AuctionSettings all = AuctionSettings.DEFAULTS.effective(BUDGET);
        assertEquals(0, all.ceiling().compareTo(new BigDecimal("100000")));
        assertEquals(Decrement.Kind.PERCENT, all.decrementKind());
        assertEquals(5, all.windowMinutes());
        assertEquals(3, all.maxExtensions());
        assertEquals(30, all.durationMinutes());
    }

    @Test
    void theAgencysRulesAreKeptAndChecked() {
        AuctionSettings s =
                new AuctionSettings(
                        new BigDecimal("90000.00"),
                        Decrement.Kind.AMOUNT,
                        new BigDecimal("500.00"),
                        AuctionRules.Basis.OWN_LAST,
                        2,
                        3,
                        5,
                        AuctionRules.Visibility.RANK_ONLY,
                        2,
                        60);
        AuctionRules r = s.check(BUDGET).rules(BUDGET);
        assertEquals("500.00", r.step().amount().toPlainString());
        assertEquals(AuctionRules.Basis.OWN_LAST, r.basis());
        assertEquals(Duration.ofMinutes(2), r.window());
        assertEquals(Duration.ofMinutes(3), r.extension());
        assertEquals(5, r.maxExtensions());
        assertEquals(AuctionRules.Visibility.RANK_ONLY, r.visibility());
        assertEquals(2, r.minBidders());
        assertEquals(Duration.ofMinutes(60), s.length());
        assertEquals(s, AuctionSettings.fromJson(s.toJson()), "stored and read back alike");
        assertEquals(AuctionSettings.DEFAULTS, AuctionSettings.fromJson(null));
    }

    @Test
    void eachBrokenRuleIsRefusedNamingItsField() {
        record Case(AuctionSettings s, String field) {}
        for (Case c :
                new Case[] {
                    new Case(only(new BigDecimal("100000.01"), null, null, null), "ceiling"),
                    new Case(only(new BigDecimal("0"), null, null, null), "ceiling"),
                    new Case(only(new BigDecimal("99.999"), null, null, null), "ceiling"),
                    new Case(
                            only(null, Decrement.Kind.PERCENT, new BigDecimal("100"), null),
                            "decrement"),
                    new Case(
                            only(null, Decrement.Kind.AMOUNT, new BigDecimal("0"), null),
                            "decrement"),
                    new Case(
                            only(null, Decrement.Kind.AMOUNT, new BigDecimal("100000"), null),
                            "decrement"),
                    new Case(only(null, null, null, 9), "durationMinutes"),
                    new Case(only(null, null, null, 481), "durationMinutes"),
                    new Case(
                            new AuctionSettings(
                                    null, null, null, null, 61, null, null, null, null, null),
                            "window"),
                    new Case(
                            new AuctionSettings(
                                    null, null, null, null, 5, 0, null, null, null, null),
                            "extension"),
                    new Case(
                            new AuctionSettings(
                                    null, null, null, null, null, null, null, null, 0, null),
                            "minBidders")
                }) {
            Refusal r = assertThrows(Refusal.class, () -> c.s().check(BUDGET), c.field());
            assertEquals(ProblemCode.AUCTION_RULES_INVALID, r.code(), c.field());
            assertEquals(c.field(), r.field());
        }
    }

    @Test
    void withoutAnAntiSnipingWindowTheExtensionIsNotAsked() {
        AuctionSettings s = new AuctionSettings(null, null, null, null, 0, 0, 0, null, null, 15);
        assertEquals(Duration.ZERO, s.check(BUDGET).rules(BUDGET).window());
    }

    @Test
    void theNoticeStatesEveryRule() {
        String text = AuctionSettings.DEFAULTS.describe(BUDGET);
        for (String part :
                new String[] {
                    "最高限价 100000.00 元",
                    "最高限价的 0.5%",
                    "每次至少降低 500.00 元",
                    "竞价时长 30 分钟",
                    "结束前 5 分钟内有有效报价的，结束时间延后 5 分钟，最多延时 3 次",
                    "供应商可见本方排名和当前最低价",
                    "少于 3 家"
                }) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(part), part + " in " + text);
        }
    }
}

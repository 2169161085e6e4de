package io.sunshine.procurement.auction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BidRuleTest {
    static final Instant START = Instant.parse("2026-12-10T02:00:00Z");
    static final Instant CLOSE = START.plus(Duration.ofMinutes(30));

    static AuctionRules rules(AuctionRules.Basis basis, Decrement d) {
        return new AuctionRules(
                Money.of(new BigDecimal("100000.00")),
                d,
                basis,
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                3,
                AuctionRules.Visibility.RANK_AND_BEST,
                3);
    }

    static AuctionState open(AuctionRules.Basis basis) {
        return new AuctionState(
                rules(basis, new Decrement(Decrement.Kind.AMOUNT, new BigDecimal("100"))),
                START,
                CLOSE,
                0,
                List.of());
    }

    static Money yuan(String s) {
        return Money.of(new BigDecimal(s));
    }

    static AuctionState accept(AuctionState s, long bidder, String amount, Instant at) {
        return assertInstanceOf(BidRule.Accepted.class, BidRule.assess(s, bidder, yuan(amount), at))
                .state();
    }

    static BidRule.Refused refuse(AuctionState s, long bidder, String amount, Instant at) {
        return assertInstanceOf(BidRule.Refused.class, BidRule.assess(s, bidder, yuan(amount), at));
    }

    @Test
    void theFirstBidMayBeTheCeilingButNotACentAbove() {
        AuctionState s = open(AuctionRules.Basis.BEST);
        assertEquals(
                ProblemCode.BID_ABOVE_CEILING,
                refuse(s, 1, "100000.01", START.plusSeconds(1)).code());
        s = accept(s, 1, "100000.00", START.plusSeconds(1));
        assertEquals(yuan("100000.00"), s.best().orElseThrow().amount());
    }

    @Test
    void eachBidUndercutsTheBestByTheDecrementToTheCent() {
        AuctionState s = accept(open(AuctionRules.Basis.BEST), 1, "99000.00", START.plusSeconds(1));
        BidRule.Refused oneCentShort = refuse(s, 2, "98900.01", START.plusSeconds(2));
        assertEquals(ProblemCode.BID_NOT_BELOW_BEST, oneCentShort.code());
        assertEquals(List.of("98900.01", "99000.00", "100.00", "98900.00"), oneCentShort.args());
        assertEquals(
                ProblemCode.BID_NOT_BELOW_BEST,
                refuse(s, 2, "99000.00", START.plusSeconds(2)).code());
        s = accept(s, 2, "98900.00", START.plusSeconds(2));
        // the same bidder must undercut its own best too under BEST
        assertEquals(
                ProblemCode.BID_NOT_BELOW_BEST,
                refuse(s, 2, "98850.00", START.plusSeconds(3)).code());
    }

    @Test
    void underOwnLastEachBidderUndercutsItselfAndEqualPricesRankByTime() {
        AuctionState s =
                accept(open(AuctionRules.Basis.OWN_LAST), 1, "95000.00", START.plusSeconds(1));
        s = accept(s, 2, "95000.00", START.plusSeconds(2));
        assertEquals(1L, s.best().orElseThrow().bidder(), "equal price: the earlier acceptance");
        assertEquals(
                ProblemCode.BID_NOT_BELOW_OWN_LAST,
                refuse(s, 2, "94900.01", START.plusSeconds(3)).code());
        s = accept(s, 2, "94900.00", START.plusSeconds(3));
        List<Ranking.Rung> ladder = Ranking.of(s.bids());
        assertEquals(2L, ladder.get(0).bidder());
        assertEquals(1L, ladder.get(1).bidder());
    }

    @Test
    void serverTimeDecidesToTheMillisecond() {
        AuctionState s = open(AuctionRules.Basis.BEST);
        assertEquals(
                ProblemCode.AUCTION_NOT_OPEN,
                refuse(s, 1, "90000.00", START.minusMillis(1)).code());
        accept(s, 1, "90000.00", START);
        assertEquals(ProblemCode.AUCTION_NOT_OPEN, refuse(s, 1, "90000.00", CLOSE).code());
        assertEquals(
                ProblemCode.AUCTION_NOT_OPEN, refuse(s, 1, "90000.00", CLOSE.plusMillis(1)).code());
        assertEquals(
                List.of(START.toString(), CLOSE.toString(), CLOSE.plusMillis(1).toString()),
                refuse(s, 1, "90000.00", CLOSE.plusMillis(1)).args());
    }

    @Test
    void aBidInTheLastMinutesExtendsTheCloseUpToTheMaximum() {
        AuctionState s = open(AuctionRules.Basis.BEST);
        // before the window: no extension
        BidRule.Accepted early =
                (BidRule.Accepted)
                        BidRule.assess(s, 1, yuan("99000"), CLOSE.minus(Duration.ofMinutes(6)));
        assertFalse(early.extended());
        assertEquals(CLOSE, early.state().close());
        s = early.state();
        Instant at = CLOSE.minus(Duration.ofMinutes(5));
        long amount = 98000;
        for (int i = 1; i <= 3; i++) {
            BidRule.Accepted a =
                    (BidRule.Accepted) BidRule.assess(s, 1 + (i % 2), yuan(amount + ".00"), at);
            assertTrue(a.extended(), "extension " + i);
            assertEquals(CLOSE.plus(Duration.ofMinutes(5L * i)), a.state().close());
            assertEquals(i, a.state().extensions());
            s = a.state();
            at = s.close().minusSeconds(1);
            amount -= 1000;
        }
        BidRule.Accepted fourth = (BidRule.Accepted) BidRule.assess(s, 3, yuan("90000"), at);
        assertFalse(fourth.extended(), "at most three extensions");
        assertEquals(CLOSE.plus(Duration.ofMinutes(15)), fourth.state().close());
    }

    @Test
    void aPercentageDecrementIsOfTheCeilingRoundedUpToTheFen() {
        Decrement d = new Decrement(Decrement.Kind.PERCENT, new BigDecimal("0.33"));
        assertEquals(yuan("330.00"), d.step(yuan("100000.00")));
        assertEquals(yuan("0.01"), d.step(yuan("1.00")), "0.0033 rounds up to one fen");
        assertEquals(yuan("4.08"), d.step(yuan("1234.56")), "4.074048 rounds up");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "-1",
                "-0.01",
                "0",
                "0.00",
                "100.001",
                "1e309",
                "41e1000000",
                "NaN",
                "Infinity",
                "１２３",
                "12345678901234567890",
                "1,000.00",
                "0x10",
                "+5",
                "12 3",
                "¥100"
            })
    void hostileAmountsAreRefusedBeforeAnyRule(String raw) {
        Refusal r = assertThrows(Refusal.class, () -> BidAmount.parse(raw));
        assertTrue(
                List.of(
                                ProblemCode.AMOUNT_INVALID,
                                ProblemCode.AMOUNT_NEGATIVE,
                                ProblemCode.AMOUNT_TOO_LARGE)
                        .contains(r.code()),
                raw + " → " + r.code());
        assertEquals("amount", r.field());
    }

    @Test
    void plainAmountsParse() {
        assertEquals(yuan("98500.00"), BidAmount.parse("98500.00"));
        assertEquals(yuan("98500.5"), BidAmount.parse(" 98500.5 "));
        assertEquals(yuan("0.01"), BidAmount.parse("0.01"));
    }
}

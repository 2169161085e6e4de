package io.sunshine.procurement.auction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LadderAliasChainTest {
    static final Instant T = Instant.parse("2026-12-10T02:00:00Z");

    static Bid bid(long seq, long bidder, String amount) {
        return new Bid(seq, bidder, Money.of(new BigDecimal(amount)), T.plusSeconds(seq));
    }

    @Test
    void theLadderTakesEachBiddersLowestAndBreaksTiesByEarlierAcceptance() {
        List<Bid> bids =
                List.of(
                        bid(1, 10, "900.00"),
                        bid(2, 20, "890.00"),
                        bid(3, 30, "880.00"),
                        bid(4, 10, "880.00"),
                        bid(5, 20, "870.00"));
        List<Ranking.Rung> ladder = Ranking.of(bids);
        assertEquals(List.of(20L, 30L, 10L), ladder.stream().map(Ranking.Rung::bidder).toList());
        assertEquals(List.of(1, 2, 3), ladder.stream().map(Ranking.Rung::rank).toList());
        assertEquals(3, Ranking.rankOf(ladder, 10));
        assertEquals(0, Ranking.rankOf(ladder, 99));
    }

    @Test
    void theResultIsTheFirstRungWithTheSavingOrAFailureWithTooFewBidders() {
        AuctionState s =
                new AuctionState(
                        BidRuleTest.rules(
                                AuctionRules.Basis.BEST,
                                new Decrement(Decrement.Kind.AMOUNT, new BigDecimal("10"))),
                        T,
                        T.plusSeconds(1800),
                        0,
                        List.of(
                                bid(1, 10, "99000.00"),
                                bid(2, 20, "98000.00"),
                                bid(3, 30, "97500.00")));
        AuctionResult.Awarded a =
                assertInstanceOf(AuctionResult.Awarded.class, AuctionResult.at(s, 3));
        assertEquals(30L, a.winner().bidder());
        assertEquals(Money.of(new BigDecimal("2500.00")), a.saving());
        AuctionResult.Failed f =
                assertInstanceOf(AuctionResult.Failed.class, AuctionResult.at(s, 2));
        assertEquals(2, f.qualified());
        assertEquals(3, f.minimum());
        AuctionState twoBid =
                new AuctionState(s.rules(), T, T.plusSeconds(1800), 0, s.bids().subList(0, 2));
        assertInstanceOf(AuctionResult.Failed.class, AuctionResult.at(twoBid, 5));
    }

    @Test
    void aliasesAreLettersInASaltedOrderStableForTheAuction() {
        byte[] salt = "auction-salt-0123456789".getBytes(StandardCharsets.UTF_8);
        List<Long> bidders = List.of(101L, 102L, 103L, 104L);
        Map<Long, String> a = Aliases.assign(bidders, salt);
        assertEquals(
                new HashSet<>(List.of("供应商A", "供应商B", "供应商C", "供应商D")), new HashSet<>(a.values()));
        assertEquals(a, Aliases.assign(List.of(104L, 103L, 102L, 101L), salt), "order of asking");
        // another auction's salt gives another order for some set of bidders
        List<Long> many = new ArrayList<>();
        for (long i = 1; i <= 30; i++) {
            many.add(i);
        }
        assertNotEquals(
                Aliases.assign(many, salt),
                Aliases.assign(many, "another-auction-salt-xyz".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Z", Aliases.letters(25));
        assertEquals("AA", Aliases.letters(26));
        assertEquals("AB", Aliases.letters(27));
        assertThrows(IllegalArgumentException.class, () -> Aliases.assign(bidders, new byte[4]));
    }

    @Test
    void theBidLogChainShowsTheFirstAlteredOrMissingEntry() {
        List<BidChain.Entry> log =
                List.of(
                        new BidChain.Entry(
                                1, "2026-12-10T02:00:01Z", "供应商A", "99000.00", "ACCEPTED"),
                        new BidChain.Entry(
                                2,
                                "2026-12-10T02:00:02Z",
                                "供应商B",
                                "98999.99",
                                "BID_NOT_BELOW_BEST"),
                        new BidChain.Entry(
                                3, "2026-12-10T02:00:03Z", "供应商B", "98000.00", "ACCEPTED"));
        List<String> hashes = new ArrayList<>();
        String prev = BidChain.GENESIS;
        for (BidChain.Entry e : log) {
            prev = BidChain.hash(prev, e);
            hashes.add(prev);
        }
        assertEquals(0, BidChain.firstBroken(log, hashes));
        List<BidChain.Entry> altered = new ArrayList<>(log);
        altered.set(
                1, new BidChain.Entry(2, "2026-12-10T02:00:02Z", "供应商B", "98999.99", "ACCEPTED"));
        assertEquals(2, BidChain.firstBroken(altered, hashes));
        List<BidChain.Entry> removed = new ArrayList<>(log);
        removed.remove(1);
        assertTrue(BidChain.firstBroken(removed, hashes.subList(0, 2)) == 2);
        assertEquals(3, BidChain.firstBroken(log.subList(0, 2), hashes));
    }
}

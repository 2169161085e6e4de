package io.sunshine.procurement.auction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sunshine.platform.control.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The engine decides a bid from the best bid and the bidder's own last only (with the count of
 * all): over thousands of random bids, under both bases, that gives the same answer — the same
 * refusal, or the same number, close, extensions and best price — as the whole list, and the rank
 * the engine computes from one count equals the ladder's.
 */
class DecisiveBidsTest {

    private static List<Bid> decisive(List<Bid> all, long bidder) {
        TreeMap<Long, Bid> rows = new TreeMap<>();
        all.stream()
                .min(Comparator.comparing(Bid::amount).thenComparing(Bid::seq))
                .ifPresent(b -> rows.put(b.seq(), b));
        all.stream()
                .filter(b -> b.bidder() == bidder)
                .max(Comparator.comparing(Bid::seq))
                .ifPresent(b -> rows.put(b.seq(), b));
        return new ArrayList<>(rows.values());
    }

    @Test
    void theBestAndTheOwnLastDecideAsTheWholeListDoes() {
        Random random = new Random(20261202);
        for (AuctionRules.Basis basis : AuctionRules.Basis.values()) {
            AuctionState full = BidRuleTest.open(basis);
            int accepted = 0;
            for (int i = 0; i < 3000; i++) {
                long bidder = 1 + random.nextInt(6);
                // around the best, so that some are refused and some tie
                BigDecimal best =
                        full.best().map(b -> b.amount().amount()).orElse(new BigDecimal("100000"));
                BigDecimal amount =
                        best.subtract(BigDecimal.valueOf(random.nextInt(400) - 150))
                                .max(new BigDecimal("1"));
                Instant at = BidRuleTest.START.plusSeconds(i / 2);
                AuctionState reduced =
                        new AuctionState(
                                full.rules(),
                                full.start(),
                                full.close(),
                                full.extensions(),
                                decisive(full.bids(), bidder),
                                full.bids().size());
                BidRule.Outcome a = BidRule.assess(full, bidder, Money.of(amount), at);
                BidRule.Outcome b = BidRule.assess(reduced, bidder, Money.of(amount), at);
                assertEquals(a.getClass(), b.getClass(), "bid " + i);
                if (a instanceof BidRule.Refused ra) {
                    assertEquals(ra, b, "bid " + i);
                    continue;
                }
                BidRule.Accepted fa = (BidRule.Accepted) a;
                BidRule.Accepted fb = (BidRule.Accepted) b;
                assertEquals(fa.bid(), fb.bid());
                assertEquals(fa.extended(), fb.extended());
                assertEquals(fa.state().close(), fb.state().close());
                assertEquals(fa.state().bidCount(), fb.state().bidCount());
                assertEquals(fa.state().best(), fb.state().best());
                full = fa.state();
                accepted++;
                List<Ranking.Rung> ladder = Ranking.of(full.bids());
                long before =
                        full.bids().stream()
                                .filter(x -> x.bidder() != bidder)
                                .filter(x -> x.amount().compareTo(Money.of(amount)) <= 0)
                                .map(Bid::bidder)
                                .distinct()
                                .count();
                int rank = basis == AuctionRules.Basis.BEST ? 1 : (int) before + 1;
                assertEquals(Ranking.rankOf(ladder, bidder), rank, "rank after bid " + i);
            }
            org.junit.jupiter.api.Assertions.assertTrue(accepted > 100, basis + ": " + accepted);
        }
    }
}

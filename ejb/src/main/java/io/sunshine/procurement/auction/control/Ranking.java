package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ladder: each bidder at its lowest accepted bid, lowest first; equal prices rank by the
 * earlier acceptance of that price. Ranks are 1, 2, 3, … without gaps or ties.
 */
public final class Ranking {
    private Ranking() {}

    /** One rung: the bidder, its best amount, when that amount was accepted, its rank. */
    public record Rung(int rank, long bidder, Money amount, Instant acceptedAt, long seq) {}

    public static List<Rung> of(List<Bid> bids) {
        Map<Long, Bid> bestOf = new LinkedHashMap<>();
        for (Bid b : bids) {
            bestOf.merge(
                    b.bidder(),
                    b,
                    (old, neu) -> neu.amount().compareTo(old.amount()) < 0 ? neu : old);
        }
        List<Bid> sorted = new ArrayList<>(bestOf.values());
        sorted.sort(Comparator.comparing(Bid::amount).thenComparing(Bid::seq));
        List<Rung> ladder = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Bid b = sorted.get(i);
            ladder.add(new Rung(i + 1, b.bidder(), b.amount(), b.acceptedAt(), b.seq()));
        }
        return ladder;
    }

    /** The bidder's rank, or 0 when it has not bid. */
    public static int rankOf(List<Rung> ladder, long bidder) {
        return ladder.stream()
                .filter(r -> r.bidder() == bidder)
                .mapToInt(Rung::rank)
                .findFirst()
                .orElse(0);
    }
}

package io.sunshine.procurement.auction.boundary;

import io.sunshine.procurement.auction.control.AuctionRules;
import io.sunshine.procurement.auction.control.Decrement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An auction as the caller may see it. A supplier sees the rules, the times, its own alias, rank
 * and bids, and the best price where the rules show it; never another supplier's name or bids. The
 * agency, the buyer and supervisors see the full ladder with names (the monitor).
 */
public record AuctionView(
        long id,
        long projectId,
        String projectReference,
        String projectTitle,
        int lotNo,
        String status,
        Instant serverTime,
        Instant startsAt,
        Instant scheduledClose,
        Instant closesAt,
        int extensions,
        BigDecimal ceiling,
        Decrement.Kind decrementKind,
        BigDecimal decrementValue,
        BigDecimal step,
        AuctionRules.Basis basis,
        long windowSeconds,
        long extensionSeconds,
        int maxExtensions,
        AuctionRules.Visibility visibility,
        int minBidders,
        int bidCount,
        BigDecimal bestAmount,
        Instant lastBidAt,
        String myAlias,
        int myRank,
        List<MyBid> myBids,
        List<Rung> ladder,
        Result result) {

    /**
     * The result once closed: AWARDED with the winner's alias (its name is published with the award
     * notice), amount and saving, or FAILED with the qualified count and the minimum.
     */
    public record Result(
            String state,
            Instant closedAt,
            String winnerAlias,
            BigDecimal winningAmount,
            BigDecimal saving,
            int qualified,
            int minimum) {}

    public record MyBid(int seq, BigDecimal amount, Instant acceptedAt) {}

    /** A rung of the monitor's ladder: supplier name only for those entitled to see it. */
    public record Rung(
            int rank, String alias, String supplier, BigDecimal amount, Instant acceptedAt) {}
}

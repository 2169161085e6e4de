package io.sunshine.procurement.auction.boundary;

import io.sunshine.procurement.auction.control.AuctionRules;
import io.sunshine.procurement.auction.control.Bid;
import io.sunshine.procurement.auction.control.Ranking;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One auction as read from the database at one moment: everything any viewer's {@link AuctionView}
 * is derived from. Read once per change and shared by every watcher of the live feed, so that a new
 * best price reaches a thousand watchers with one read, not a thousand.
 *
 * @param names the supplier names of the ladder's bidders, for the monitors only
 */
public record AuctionSnapshot(
        long id,
        long projectId,
        String projectReference,
        String projectTitle,
        int lotNo,
        String state,
        Instant startsAt,
        Instant scheduledClose,
        Instant closesAt,
        int extensions,
        AuctionRules rules,
        int bidCount,
        BigDecimal bestAmount,
        Instant lastBidAt,
        List<Bid> bids,
        List<Ranking.Rung> ladder,
        Map<Long, String> aliases,
        Map<Long, String> names,
        Instant closedAt,
        Long winnerId,
        BigDecimal winningAmount,
        BigDecimal saving,
        Integer qualifiedCount) {

    /** Who is looking: a monitor (agency, buyer, finance, supervision) or one supplier. */
    public record Viewer(boolean monitor, Long supplier) {
        public static Viewer monitorView() {
            return new Viewer(true, null);
        }

        public static Viewer supplierView(long organisation) {
            return new Viewer(false, organisation);
        }
    }

    /** The status on the platform clock: SCHEDULED, OPEN, CLOSING (due), AWARDED or FAILED. */
    public String status(Instant now) {
        if (!"OPEN".equals(state)) {
            return state;
        }
        return now.isBefore(startsAt) ? "SCHEDULED" : now.isBefore(closesAt) ? "OPEN" : "CLOSING";
    }

    /**
     * What this viewer may see at this instant. A supplier: the rules, the times, its own alias,
     * rank and bids, and the best price where the rules show it; never another bidder's name or
     * bids. A monitor: the full ladder with names.
     */
    public AuctionView viewFor(Viewer viewer, Instant now) {
        boolean monitor = viewer.monitor();
        boolean showBest = monitor || rules.visibility() == AuctionRules.Visibility.RANK_AND_BEST;
        List<AuctionView.MyBid> mine = new ArrayList<>();
        String myAlias = null;
        int myRank = 0;
        if (viewer.supplier() != null) {
            long me = viewer.supplier();
            myAlias = aliases.get(me);
            myRank = Ranking.rankOf(ladder, me);
            for (Bid b : bids) {
                if (b.bidder() == me) {
                    mine.add(
                            new AuctionView.MyBid(
                                    (int) b.seq(), b.amount().amount(), b.acceptedAt()));
                }
            }
        }
        List<AuctionView.Rung> rungs = new ArrayList<>();
        if (monitor) {
            for (Ranking.Rung r : ladder) {
                rungs.add(
                        new AuctionView.Rung(
                                r.rank(),
                                aliases.get(r.bidder()),
                                names.get(r.bidder()),
                                r.amount().amount(),
                                r.acceptedAt()));
            }
        }
        AuctionView.Result outcome =
                "OPEN".equals(state)
                        ? null
                        : new AuctionView.Result(
                                state,
                                closedAt,
                                winnerId == null ? null : aliases.get(winnerId),
                                winningAmount,
                                saving,
                                qualifiedCount == null ? 0 : qualifiedCount,
                                rules.minBidders());
        return new AuctionView(
                id,
                projectId,
                projectReference,
                projectTitle,
                lotNo,
                status(now),
                now,
                startsAt,
                scheduledClose,
                closesAt,
                extensions,
                rules.ceiling().amount(),
                rules.decrement().kind(),
                rules.decrement().value(),
                rules.step().amount(),
                rules.basis(),
                rules.window().toSeconds(),
                rules.extension().toSeconds(),
                rules.maxExtensions(),
                rules.visibility(),
                rules.minBidders(),
                bidCount,
                showBest ? bestAmount : null,
                lastBidAt,
                myAlias,
                myRank,
                mine,
                rungs,
                outcome);
    }
}

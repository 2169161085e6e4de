package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.Money;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An auction as the rules see it: its rules, when it starts and (now) closes, how often the close
 * was extended, its accepted bids in order, and how many there are. The engine may give only the
 * bids that decide the next one — the best and the bidder's own last — with the count of all: the
 * rules need no other.
 */
public record AuctionState(
        AuctionRules rules,
        Instant start,
        Instant close,
        int extensions,
        List<Bid> bids,
        int bidCount) {

    /** With every accepted bid. */
    public AuctionState(
            AuctionRules rules, Instant start, Instant close, int extensions, List<Bid> bids) {
        this(rules, start, close, extensions, bids, bids.size());
    }

    public AuctionState {
        Objects.requireNonNull(rules, "The rules are required.");
        Objects.requireNonNull(start, "The start is required.");
        Objects.requireNonNull(close, "The close is required.");
        if (!close.isAfter(start)) {
            throw new IllegalArgumentException("An auction closes after it starts.");
        }
        bids = List.copyOf(bids);
        if (bidCount < bids.size()) {
            throw new IllegalArgumentException("More bids given than counted.");
        }
    }

    /** The lowest accepted bid; the earlier one where two are equal. */
    public Optional<Bid> best() {
        return bids.stream().min(Comparator.comparing(Bid::amount).thenComparing(Bid::seq));
    }

    /** The bidder's last accepted bid. */
    public Optional<Bid> lastOf(long bidder) {
        Bid last = null;
        for (Bid b : bids) {
            if (b.bidder() == bidder) {
                last = b;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Whether bids are taken at this server instant: from the start, strictly before the close. */
    public boolean isOpenAt(Instant at) {
        return !at.isBefore(start) && at.isBefore(close);
    }

    public Money ceiling() {
        return rules.ceiling();
    }
}

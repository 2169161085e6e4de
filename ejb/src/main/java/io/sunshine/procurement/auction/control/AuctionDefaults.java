package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.Money;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The rules a lot's auction gets when the agency publishes it without its own: the ceiling is the
 * lot's budget, the decrement 0.5 % of it, bids undercut the best price, a bid in the last 5
 * minutes extends the close by 5 minutes at most 3 times, bidders see their rank and the best
 * price, at least 3 bidders, and the auction runs 30 minutes. Customary figures of municipal
 * auction platforms, not law; every one of them is shown to the bidders before the start.
 */
public final class AuctionDefaults {
    public static final Duration LENGTH = Duration.ofMinutes(30);

    private AuctionDefaults() {}

    public static AuctionRules forLot(Money budget) {
        return new AuctionRules(
                budget,
                new Decrement(Decrement.Kind.PERCENT, new BigDecimal("0.50")),
                AuctionRules.Basis.BEST,
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                3,
                AuctionRules.Visibility.RANK_AND_BEST,
                AuctionRules.DEFAULT_MIN_BIDDERS);
    }
}

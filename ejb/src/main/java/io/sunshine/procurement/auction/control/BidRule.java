package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a bid is accepted, decided on the server's instant only: the auction is open (from the
 * start, strictly before the close — one millisecond after is too late whatever the client's clock
 * says), the amount is at most the ceiling, and it undercuts the current best (or, by the rules,
 * the bidder's own last bid) by at least the decrement. An accepted bid in the anti-sniping window
 * extends the close, up to the maximum number of extensions.
 *
 * <p>Who may bid (enrolled, qualified, not barred) is the engine's question, asked before this one.
 *
 * <pre>{@code
 * switch (BidRule.assess(state, supplierId, amount, now)) {
 *     case BidRule.Accepted a -> persist(a.bid()); state = a.state();
 *     case BidRule.Refused r -> refuse(r.code(), r.args());
 * }
 * }</pre>
 */
public final class BidRule {
    private BidRule() {}

    public sealed interface Outcome permits Accepted, Refused {}

    /**
     * @param state the auction after the bid
     * @param extended whether the bid moved the close
     */
    public record Accepted(AuctionState state, Bid bid, boolean extended) implements Outcome {}

    /**
     * @param code AUCTION_NOT_OPEN, BID_ABOVE_CEILING, BID_NOT_BELOW_BEST or BID_NOT_BELOW_OWN_LAST
     * @param args the message arguments: the figures that decided it
     */
    public record Refused(ProblemCode code, List<Object> args) implements Outcome {}

    public static Outcome assess(AuctionState state, long bidder, Money amount, Instant at) {
        Objects.requireNonNull(state, "The auction is required.");
        Objects.requireNonNull(amount, "The amount is required.");
        Objects.requireNonNull(at, "The server instant is required.");
        if (!state.isOpenAt(at)) {
            return new Refused(
                    ProblemCode.AUCTION_NOT_OPEN,
                    List.of(state.start().toString(), state.close().toString(), at.toString()));
        }
        AuctionRules rules = state.rules();
        if (amount.isGreaterThan(rules.ceiling())) {
            return new Refused(
                    ProblemCode.BID_ABOVE_CEILING, List.of(plain(amount), plain(rules.ceiling())));
        }
        Money step = rules.step();
        if (rules.basis() == AuctionRules.Basis.BEST) {
            Optional<Bid> best = state.best();
            if (best.isPresent()) {
                Money highest = best.get().amount().minus(step);
                if (amount.isGreaterThan(highest)) {
                    return new Refused(
                            ProblemCode.BID_NOT_BELOW_BEST,
                            List.of(
                                    plain(amount),
                                    plain(best.get().amount()),
                                    plain(step),
                                    plain(highest)));
                }
            }
        } else {
            Optional<Bid> own = state.lastOf(bidder);
            if (own.isPresent()) {
                Money highest = own.get().amount().minus(step);
                if (amount.isGreaterThan(highest)) {
                    return new Refused(
                            ProblemCode.BID_NOT_BELOW_OWN_LAST,
                            List.of(
                                    plain(amount),
                                    plain(own.get().amount()),
                                    plain(step),
                                    plain(highest)));
                }
            }
        }
        Bid bid = new Bid(state.bidCount() + 1L, bidder, amount, at);
        List<Bid> bids = new ArrayList<>(state.bids());
        bids.add(bid);
        Instant close = state.close();
        int extensions = state.extensions();
        boolean extended = false;
        if (!rules.window().isZero()
                && extensions < rules.maxExtensions()
                && !at.isBefore(close.minus(rules.window()))) {
            close = close.plus(rules.extension());
            extensions++;
            extended = true;
        }
        return new Accepted(
                new AuctionState(
                        rules, state.start(), close, extensions, bids, state.bidCount() + 1),
                bid,
                extended);
    }

    private static String plain(Money m) {
        return m.amount().toPlainString();
    }
}

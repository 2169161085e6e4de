package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.Money;
import java.util.List;

/**
 * What an auction comes to at its close: the lowest valid bid wins, with the ranking and the saving
 * against the ceiling; or, with fewer qualified bidders than the rules' minimum, it fails and says
 * why (the lot goes back to the agency).
 */
public sealed interface AuctionResult {

    /** The winner is the first rung of the ladder. */
    record Awarded(List<Ranking.Rung> ladder, Money ceiling) implements AuctionResult {
        public Ranking.Rung winner() {
            return ladder.get(0);
        }

        /** The ceiling minus the winning amount (节约资金). */
        public Money saving() {
            return ceiling.minus(winner().amount());
        }
    }

    /**
     * @param qualified how many suppliers were qualified to bid
     * @param bidders how many bid
     * @param minimum the rules' minimum
     */
    record Failed(int qualified, int bidders, int minimum) implements AuctionResult {}

    /**
     * The result of a closed auction.
     *
     * @param qualified how many enrolled suppliers were qualified for the lot at the close
     */
    static AuctionResult at(AuctionState state, int qualified) {
        List<Ranking.Rung> ladder = Ranking.of(state.bids());
        int minimum = state.rules().minBidders();
        if (qualified < minimum || ladder.size() < minimum) {
            return new Failed(qualified, ladder.size(), minimum);
        }
        return new Awarded(ladder, state.ceiling());
    }
}

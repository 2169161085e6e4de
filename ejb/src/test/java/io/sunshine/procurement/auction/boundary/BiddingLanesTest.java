package io.sunshine.procurement.auction.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which answers let {@link Bidding} drop an auction's lane: only "no auction to bid on". */
class BiddingLanesTest {

    private static Auctions.BidDecision refused(ProblemCode code) {
        return new Auctions.BidDecision(BidAnswer.refused(code, null, List.of()), null, null);
    }

    @Test
    void anAuctionThatDoesNotExistOrIsNotOpenKeepsNoLane() {
        assertTrue(
                Bidding.nowhereToBid(
                        new Auctions.BidDecision(
                                null,
                                null,
                                new Refusal(ProblemCode.AUCTION_NOT_FOUND, null, "9"))));
        assertTrue(Bidding.nowhereToBid(refused(ProblemCode.AUCTION_NOT_OPEN)));
    }

    @Test
    void anyOtherAnswerKeepsTheLane() {
        assertFalse(Bidding.nowhereToBid(refused(ProblemCode.BID_NOT_BELOW_BEST)));
        assertFalse(Bidding.nowhereToBid(refused(ProblemCode.BIDDER_NOT_QUALIFIED)));
        assertFalse(
                Bidding.nowhereToBid(
                        new Auctions.BidDecision(
                                null, null, new IllegalStateException("database down"))));
        assertFalse(
                Bidding.nowhereToBid(
                        Auctions.BidDecision.of(
                                new BidAnswer(
                                        true,
                                        null,
                                        List.of(),
                                        null,
                                        7,
                                        new BigDecimal("100.00"),
                                        1,
                                        new BigDecimal("100.00"),
                                        null,
                                        false,
                                        false))));
    }
}

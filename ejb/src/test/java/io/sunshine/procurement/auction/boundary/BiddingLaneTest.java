package io.sunshine.procurement.auction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.boundary.AuditTrail;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lanes bids wait in: who leads a batch, what it takes, and who leads the next. */
class BiddingLaneTest {

    private static Bidding.Ticket ticket(long bidder) {
        return new Bidding.Ticket(
                new Auctions.BidRequest(
                        bidder,
                        "100.00",
                        null,
                        new AuditTrail.Actor("s" + bidder, null, null),
                        null));
    }

    @Test
    void theFirstBidOnAnIdleLaneLeadsAndTheOthersWait() {
        Bidding.Lane lane = new Bidding.Lane();
        Bidding.Ticket a = ticket(1);
        Bidding.Ticket b = ticket(2);
        assertTrue(lane.join(a));
        assertFalse(lane.join(b));
        assertFalse(b.wasWoken());
    }

    @Test
    void aBatchTakesTheOldestFirstAndAtMostTheLimit() {
        Bidding.Lane lane = new Bidding.Lane();
        List<Bidding.Ticket> all = List.of(ticket(1), ticket(2), ticket(3), ticket(4));
        all.forEach(lane::join);
        assertEquals(all.subList(0, 3), lane.take(3));
        assertEquals(all.subList(3, 4), lane.take(3));
        assertEquals(List.of(), lane.take(3));
    }

    @Test
    void theLaneGoesToTheOldestWaitingBidAndIsIdleWhenNoneWaits() {
        Bidding.Lane lane = new Bidding.Lane();
        Bidding.Ticket a = ticket(1);
        Bidding.Ticket b = ticket(2);
        Bidding.Ticket c = ticket(3);
        lane.join(a);
        lane.join(b);
        assertEquals(List.of(a, b), lane.take(50));
        lane.join(c);
        lane.handOver();
        assertTrue(c.wasWoken());
        assertFalse(c.isDecided(), "woken to lead, not decided");
        assertEquals(List.of(c), lane.take(50));
        lane.handOver();
        Bidding.Ticket d = ticket(4);
        assertTrue(lane.join(d), "idle again: the next bid leads");
    }

    @Test
    void aWaitingBidMayLeaveTheQueueButNotOnceItWasHandedTheLane() {
        Bidding.Lane lane = new Bidding.Lane();
        Bidding.Ticket a = ticket(1);
        Bidding.Ticket b = ticket(2);
        Bidding.Ticket c = ticket(3);
        lane.join(a);
        lane.join(b);
        lane.join(c);
        assertEquals(List.of(a), lane.take(1));
        assertTrue(lane.withdraw(c), "still waiting: it may go");
        lane.handOver();
        assertTrue(b.wasWoken());
        assertFalse(lane.withdraw(b), "handed the lane: it must lead");
        assertEquals(List.of(b), lane.take(50));
        assertFalse(lane.withdraw(b), "in a batch: it waits for its answer");
    }

    @Test
    void aTicketAnswersWithItsDecision() {
        Bidding.Ticket t = ticket(1);
        Refusal none = new Refusal(ProblemCode.AUCTION_NOT_FOUND, null, "7");
        t.decided(new Auctions.BidDecision(null, null, none));
        assertTrue(t.isDecided());
        assertEquals(none, assertThrows(Refusal.class, t::answer));
        Bidding.Ticket u = ticket(2);
        BidAnswer refused = BidAnswer.refused(ProblemCode.BID_NOT_BELOW_BEST, "amount", List.of());
        u.decided(new Auctions.BidDecision(refused, null, null));
        assertEquals(refused, u.answer());
        Bidding.Ticket v = ticket(3);
        v.fail(new IllegalStateException("database down"));
        assertThrows(IllegalStateException.class, v::answer);
    }
}

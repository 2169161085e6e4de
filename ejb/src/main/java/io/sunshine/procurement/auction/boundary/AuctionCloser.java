package io.sunshine.procurement.auction.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Closes auctions whose close has passed, every five seconds. The schedule keeps no state of its
 * own: what is due is read from the database each time, so after a restart (or on another instance)
 * the closer simply finds the auctions still OPEN and closes them; {@link Auctions#close} closes
 * each exactly once under its row lock. A bid is never accepted after the close in the meantime:
 * the bid rule checks the close on server time itself. See {@code docs/auction-engine.md}.
 *
 * <p>The timer is deliberately not persistent: every instance of a cluster runs its own sweeper,
 * none owns an auction, and nothing is lost when an instance stops. A sweep never lets an exception
 * escape (the container could drop a timer whose callbacks keep failing); a database that is away
 * for a moment only makes that sweep empty.
 */
@Singleton
public class AuctionCloser {
    private static final Logger LOG = Logger.getLogger(AuctionCloser.class.getName());

    @EJB Auctions auctions;
    @EJB Bidding bidding;
    @Inject Clock clock;
    @Inject MetricRegistry metrics;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void closeDue() {
        List<Long> due;
        try {
            due = auctions.due(clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Due auctions could not be read; the next sweep retries", e);
            count("failed");
            return;
        }
        for (Long id : due) {
            try {
                if (auctions.close(id)) {
                    bidding.closed(id);
                    LOG.info(() -> "Auction " + id + " closed.");
                    metrics.counter("sunshine_auctions_closed_total").inc();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Auction " + id + " could not be closed; retried in 5 s", e);
            }
        }
        count("done");
    }

    /** Sweeps by outcome: a steadily rising count shows the closer is alive on this instance. */
    private void count(String outcome) {
        metrics.counter("sunshine_auction_closer_sweeps_total", new Tag("outcome", outcome)).inc();
    }
}

package io.sunshine.procurement.auction.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes auctions whose close has passed, every five seconds. The schedule keeps no state of its
 * own: what is due is read from the database each time, so after a restart (or on another instance)
 * the closer simply finds the auctions still OPEN and closes them; {@link Auctions#close} closes
 * each exactly once under its row lock. A bid is never accepted after the close in the meantime:
 * the bid rule checks the close on server time itself.
 */
@Singleton
public class AuctionCloser {
    private static final Logger LOG = Logger.getLogger(AuctionCloser.class.getName());

    @EJB Auctions auctions;
    @Inject Clock clock;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void closeDue() {
        for (Long id : auctions.due(clock.instant())) {
            try {
                if (auctions.close(id)) {
                    LOG.info(() -> "Auction " + id + " closed.");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Auction " + id + " could not be closed; retried in 5 s", e);
            }
        }
    }
}

package io.sunshine.procurement.auction.boundary;

import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts every refused bid into the platform's audit trail, once the refusal is committed to the
 * auction's own hash-chained log — in the bidder's request, before it is answered, but after the
 * auction's row lock is released. The audit trail is one chain for the whole platform: writing to
 * it while holding an auction's lock made every auction wait for every other auction's refusals.
 * Should the audit write fail, the refusal stays in the auction's log (and its audit document).
 */
@ApplicationScoped
public class BidRefusals {
    private static final Logger LOG = Logger.getLogger(BidRefusals.class.getName());

    @EJB AuditTrail audit;

    void refused(@Observes(during = TransactionPhase.AFTER_SUCCESS) BidRefused r) {
        try {
            audit.recordRefusal(
                    "BID_REFUSED",
                    Auctions.SUBJECT,
                    String.valueOf(r.auctionId()),
                    null,
                    "code=" + r.code() + "; amount=" + r.amount());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "Refused bid on auction "
                            + r.auctionId()
                            + " not in the audit trail (it is in the auction's log)",
                    e);
        }
    }
}

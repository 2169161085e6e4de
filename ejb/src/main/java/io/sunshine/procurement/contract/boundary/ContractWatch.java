package io.sunshine.procurement.contract.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the contracts' deadlines once a minute: warns both parties from the 25th day after the
 * award notice that the contract must be signed by the 30th; flags to the supervisors a contract
 * not signed in 30 days (政府采购法 第四十六条), a signed one whose notice is not published within 2 working
 * days (实施条例 第五十条) or that is not filed within 7 (政府采购法 第四十七条). Each warning or flag is given once
 * — its time is kept on the contract, set under the contract's row lock — so two instances sweeping
 * at once still give it once. Stateless between sweeps, like the auction closer.
 */
@Singleton
@PermitAll
public class ContractWatch {
    private static final Logger LOG = Logger.getLogger(ContractWatch.class.getName());

    @EJB ContractDeadlineCheck step;
    @Inject Clock clock;

    @Schedule(minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            Instant now = clock.instant();
            for (Long id : step.due(now)) {
                try {
                    step.check(id, now);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Contract " + id + " deadlines: retried next minute", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Contract deadlines could not be read; retried next minute", e);
        }
    }
}

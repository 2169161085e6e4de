package io.sunshine.it;

import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.platform.control.Money;
import io.sunshine.procurement.auction.control.AuctionDefaults;
import io.sunshine.procurement.auction.control.BidChain;
import io.sunshine.procurement.auction.entity.Auction;
import io.sunshine.procurement.auction.entity.AuctionBid;
import io.sunshine.procurement.project.entity.Project;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Test data for the in-container auction tests: a published reverse-auction project with one lot,
 * three enrolled suppliers and a running auction with one bid from each, written directly (the
 * whole way there through the API is what {@code AuctionJourneyIT} tests). The engine's own methods
 * then act on it as on any auction.
 */
@Stateless
public class AuctionFixtures {
    private static final BigDecimal BUDGET = new BigDecimal("50000.00");

    @PersistenceContext EntityManager em;

    /** An auction open from {@code start} to {@code close} with bids 49,000, 48,000, 47,000. */
    public long runningAuction(Instant start, Instant close) {
        long buyer = organisations(OrganisationType.PURCHASING_UNIT, 1).get(0);
        long agency = organisations(OrganisationType.AGENCY, 1).get(0);
        List<Long> suppliers = organisations(OrganisationType.SUPPLIER, 3);
        Timestamp opened = Timestamp.from(start.minus(Duration.ofDays(5)));
        long projectId = next("procurement_project_seq");
        em.createNativeQuery(
                        "INSERT INTO procurement_project (id, reference, title, method, category,"
                                + " buyer_id, agency_id, bid_deadline, auction_start, state,"
                                + " created_at, created_by, published_at, published_by) VALUES (?,"
                                + " ?, ?, 'REVERSE_AUCTION', 'A', ?, ?, ?, ?, 'PUBLISHED', ?, 'it',"
                                + " ?, 'it')")
                .setParameter(1, projectId)
                .setParameter(2, "IT-RACE-" + projectId)
                .setParameter(3, "并发结束测试竞价 " + projectId)
                .setParameter(4, buyer)
                .setParameter(5, agency)
                .setParameter(6, Timestamp.from(start))
                .setParameter(7, Timestamp.from(start))
                .setParameter(8, opened)
                .setParameter(9, opened)
                .executeUpdate();
        em.createNativeQuery(
                        "INSERT INTO project_lot (id, project_id, lot_no, title, budget, sme_only)"
                                + " VALUES (?, ?, 1, '台式计算机', ?, FALSE)")
                .setParameter(1, next("project_lot_seq"))
                .setParameter(2, projectId)
                .setParameter(3, BUDGET)
                .executeUpdate();
        for (long s : suppliers) {
            em.createNativeQuery(
                            "INSERT INTO enrolment (id, project_id, lot_no, organisation_id,"
                                    + " username, enrolled_at) VALUES (?, ?, 1, ?, 'it', ?)")
                    .setParameter(1, next("enrolment_seq"))
                    .setParameter(2, projectId)
                    .setParameter(3, s)
                    .setParameter(4, opened)
                    .executeUpdate();
        }
        Project project = em.find(Project.class, projectId);
        Money budget = Money.of(BUDGET);
        Auction a =
                new Auction(
                        project,
                        1,
                        AuctionDefaults.forLot(budget).check(budget),
                        start,
                        close,
                        "0".repeat(64),
                        BidChain.GENESIS);
        em.persist(a);
        em.flush();
        BigDecimal amount = new BigDecimal("49000.00");
        for (int i = 0; i < suppliers.size(); i++) {
            em.persist(
                    new AuctionBid(
                            a.getId(),
                            i + 1,
                            suppliers.get(i),
                            amount,
                            start.plus(Duration.ofMinutes(i + 1)),
                            null));
            if (i < suppliers.size() - 1) {
                amount = amount.subtract(new BigDecimal("1000.00"));
            }
        }
        a.accepted(amount, suppliers.size(), close, 0);
        return a.getId();
    }

    public String state(long auctionId) {
        return em.find(Auction.class, auctionId).getState();
    }

    public Instant closedAt(long auctionId) {
        return em.find(Auction.class, auctionId).getClosedAt();
    }

    public BigDecimal winningAmount(long auctionId) {
        return em.find(Auction.class, auctionId).getWinningAmount();
    }

    public long countAudit(String action, long auctionId) {
        return em.createQuery(
                        "SELECT COUNT(e) FROM AuditEntry e WHERE e.action = :x AND e.objectId = :o",
                        Long.class)
                .setParameter("x", action)
                .setParameter("o", String.valueOf(auctionId))
                .getSingleResult();
    }

    private List<Long> organisations(OrganisationType type, int n) {
        List<Long> ids =
                em.createQuery(
                                "SELECT o.id FROM Organisation o WHERE o.type = :t ORDER BY o.id",
                                Long.class)
                        .setParameter("t", type)
                        .setMaxResults(n)
                        .getResultList();
        if (ids.size() < n) {
            throw new IllegalStateException("The demo data has fewer than " + n + " " + type);
        }
        return ids;
    }

    private long next(String sequence) {
        return ((Number)
                        em.createNativeQuery("SELECT nextval('" + sequence + "')")
                                .getSingleResult())
                .longValue();
    }
}

package io.sunshine.supervision.boundary;

import io.sunshine.directory.control.SupplierApplication;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.control.BanPeriod;
import io.sunshine.supervision.entity.BadConductEntry;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bad-conduct list (政府采购严重违法失信行为记录名单): a supervisor lists a supplier under a penalty decision
 * for one to three years (政府采购法 第七十七条; 实施条例 第七十二条 applies it to further conduct) and may lift an
 * entry early with a reason. Entries are never deleted; every change is audited.
 *
 * <p>Other subsystems ask {@link #isListed} (or {@link #listingAt} for the details to cite) before
 * they let a supplier take part:
 *
 * <pre>{@code
 * badConduct.listingAt(supplierId, clock.instant())
 *         .ifPresent(l -> { throw new Refusal(ENROLMENT_SUPPLIER_LISTED, null, …, l.decisionReference(), l.endsOn()); });
 * }</pre>
 */
@Stateless
@DeclareRoles({"SUPERVISOR", "ADMIN"})
public class BadConduct {
    static final String SUBJECT = "BadConduct";
    private static final int DECISION_MAX = 100;
    private static final int REASON_MAX = 1000;
    private static final DateTimeFormatter BEIJING_MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.SHANGHAI);

    @PersistenceContext EntityManager em;
    @EJB AuditTrail audit;
    @Resource SessionContext session;
    @Inject Clock clock;

    /** Whether the supplier is barred from government procurement at that instant. */
    @PermitAll
    public boolean isListed(long organisationId, Instant at) {
        return listingAt(organisationId, at).isPresent();
    }

    /** The entry that bars the supplier at that instant (the one that ends last), if any. */
    @PermitAll
    public Optional<BadConductView> listingAt(long organisationId, Instant at) {
        return Optional.ofNullable(listingsAt(List.of(organisationId), at).get(organisationId));
    }

    /**
     * For each of these suppliers barred at that instant, the entry that bars it (the one that ends
     * last), in one query for all of them.
     */
    @PermitAll
    public Map<Long, BadConductView> listingsAt(Collection<Long> organisationIds, Instant at) {
        Map<Long, BadConductView> barred = new HashMap<>();
        if (organisationIds.isEmpty()) {
            return barred;
        }
        em.createQuery(
                        "SELECT e FROM BadConductEntry e WHERE e.organisation.id IN :o ORDER BY"
                                + " e.endsOn DESC, e.id DESC",
                        BadConductEntry.class)
                .setParameter("o", List.copyOf(Set.copyOf(organisationIds)))
                .getResultStream()
                .filter(e -> e.barsAt(at))
                .forEach(
                        e ->
                                barred.putIfAbsent(
                                        e.getOrganisation().getId(), BadConductView.of(e, at)));
        return barred;
    }

    /**
     * The entries in force now, as the public may read them (the list is published: a barred
     * supplier's name, decision and period are public information); without who entered them.
     */
    @PermitAll
    public List<BadConductView> inForce() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PlatformClock.SHANGHAI);
        return em.createQuery(
                        "SELECT e FROM BadConductEntry e WHERE e.liftedAt IS NULL AND e.endsOn >="
                                + " :today AND e.startsOn <= :today ORDER BY e.listedAt DESC, e.id"
                                + " DESC",
                        BadConductEntry.class)
                .setParameter("today", today)
                .getResultStream()
                .map(e -> BadConductView.of(e, now).publicPart())
                .toList();
    }

    /** Every entry ever made, newest first, with who listed and lifted it: the history. */
    @RolesAllowed({"SUPERVISOR", "ADMIN"})
    public List<BadConductView> history() {
        Instant now = clock.instant();
        return em.createQuery(
                        "SELECT e FROM BadConductEntry e ORDER BY e.listedAt DESC, e.id DESC",
                        BadConductEntry.class)
                .getResultStream()
                .map(e -> BadConductView.of(e, now))
                .toList();
    }

    /** Lists a supplier under a penalty decision for a lawful period (one to three years). */
    @RolesAllowed("SUPERVISOR")
    public BadConductView list(
            long supplierId,
            String decisionReference,
            String reason,
            LocalDate startsOn,
            LocalDate endsOn) {
        Instant now = clock.instant();
        Organisation supplier = em.find(Organisation.class, supplierId);
        if (supplier == null) {
            throw new Refusal(
                    ProblemCode.ORGANISATION_NOT_FOUND, "supplierId", String.valueOf(supplierId));
        }
        if (supplier.getType() != OrganisationType.SUPPLIER) {
            throw new Refusal(
                    ProblemCode.BAD_CONDUCT_NOT_A_SUPPLIER, "supplierId", supplier.getName());
        }
        String decision =
                SupplierApplication.text(decisionReference, "decisionReference", 1, DECISION_MAX);
        String why = SupplierApplication.text(reason, "reason", 1, REASON_MAX);
        BanPeriod period =
                BanPeriod.checked(
                        startsOn, endsOn, LocalDate.ofInstant(now, PlatformClock.SHANGHAI));
        BadConductEntry e = new BadConductEntry(supplier, decision, why, period, now, caller());
        em.persist(e);
        em.flush();
        audit.record(
                "BAD_CONDUCT_LISTED",
                SUBJECT,
                String.valueOf(e.getId()),
                null,
                "supplier="
                        + supplier.getName()
                        + "; decision="
                        + decision
                        + "; period="
                        + period.startsOn()
                        + ".."
                        + period.endsOn()
                        + "; reason="
                        + why);
        return BadConductView.of(e, now);
    }

    /** Ends a ban in force early, with the reason (e.g. the decision was revoked on review). */
    @RolesAllowed("SUPERVISOR")
    public BadConductView lift(long entryId, String reason) {
        Instant now = clock.instant();
        BadConductEntry e = em.find(BadConductEntry.class, entryId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new Refusal(ProblemCode.BAD_CONDUCT_NOT_FOUND, null, String.valueOf(entryId));
        }
        String why = SupplierApplication.text(reason, "liftReason", 1, REASON_MAX);
        LocalDate today = LocalDate.ofInstant(now, PlatformClock.SHANGHAI);
        if (e.getLiftedAt() != null) {
            throw notInForce(
                    e,
                    new Localized(
                            "reason.badConduct.LIFTED", BEIJING_MINUTES.format(e.getLiftedAt())));
        }
        if (e.period().endedBefore(today)) {
            throw notInForce(e, new Localized("reason.badConduct.ENDED", e.getEndsOn().toString()));
        }
        String before = "in force until " + e.getEndsOn();
        e.lift(why, caller(), now);
        audit.record(
                "BAD_CONDUCT_LIFTED",
                SUBJECT,
                String.valueOf(e.getId()),
                before,
                "lifted; decision=" + e.getDecisionReference() + "; reason=" + why);
        return BadConductView.of(e, now);
    }

    private static Refusal notInForce(BadConductEntry e, Localized why) {
        return new Refusal(
                ProblemCode.BAD_CONDUCT_NOT_IN_FORCE, null, e.getDecisionReference(), why);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}

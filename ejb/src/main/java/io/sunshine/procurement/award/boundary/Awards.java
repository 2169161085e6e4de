package io.sunshine.procurement.award.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.platform.boundary.HolidayCalendar;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.boundary.WorkQueue;
import io.sunshine.platform.control.ChineseCapitalAmount;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.auction.control.AuctionResult;
import io.sunshine.procurement.auction.control.Ranking;
import io.sunshine.procurement.auction.entity.Auction;
import io.sunshine.procurement.award.control.AuctionFailure;
import io.sunshine.procurement.award.control.AwardNoticeDue;
import io.sunshine.procurement.award.control.AwardState;
import io.sunshine.procurement.award.entity.Award;
import io.sunshine.procurement.award.entity.AwardRung;
import io.sunshine.procurement.contract.control.ContractDeadlines;
import io.sunshine.procurement.notice.boundary.Notices;
import io.sunshine.procurement.notice.control.AwardNoticeText;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.procurement.project.entity.ProjectState;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The award step (定标): an auction's close prepares the award of its lot in the same transaction —
 * the winner, amount, ceiling, saving and ranking — and gives the project's agency a work item due
 * 2 working days after the result (实施条例 第四十三条); the agency publishes the award notice (成交结果公告)
 * once. A failed auction prepares no award: the lot goes back to the agency, whose work item says
 * why.
 *
 * <p>Who sees what: the project's agency and buyer, FINANCE, SUPERVISOR and ADMIN see every award
 * of the project; the winning supplier sees its own once published. Only the organisation managing
 * the project (the agency, or the unit running it itself) publishes. Anything else is "not found",
 * and the refusal is audited.
 */
@Stateless
@DeclareRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
public class Awards {
    static final String SUBJECT = "Award";

    /** Work item kinds (message keys of the web bundle). */
    public static final String WORK_PUBLISH = "work.award.publish";

    public static final String WORK_AUCTION_FAILED = "work.auction.failed";

    /** The buyer's work once the award notice is out: draft the contract (the next stage). */
    public static final String WORK_CONTRACT_DRAFT = "work.contract.draft";

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.SHANGHAI);

    @PersistenceContext EntityManager em;
    @EJB Directory directory;
    @EJB AuditTrail audit;
    @EJB Notices notices;
    @EJB WorkQueue work;
    @Inject HolidayCalendar holidays;
    @Resource SessionContext session;
    @Inject Clock clock;

    /**
     * Prepares the award of an auction that has just been awarded ({@link Auction#awarded}), inside
     * the close's transaction.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long prepare(Auction a, AuctionResult.Awarded result) {
        Project p = a.getProject();
        List<AwardRung> ranking = new ArrayList<>();
        for (Ranking.Rung r : result.ladder()) {
            ranking.add(new AwardRung(r.rank(), r.bidder(), r.amount().amount(), r.acceptedAt()));
        }
        Organisation supplier = em.find(Organisation.class, result.winner().bidder());
        Instant due = AwardNoticeDue.after(a.getClosedAt(), holidays.calendar()).orElse(null);
        Award w =
                Award.ofAuction(
                        p,
                        a.getLotNo(),
                        a.getId(),
                        supplier,
                        result.winner().amount().amount(),
                        a.rules().ceiling().amount(),
                        a.getQualifiedCount() == null ? ranking.size() : a.getQualifiedCount(),
                        ranking,
                        a.getClosedAt(),
                        due);
        em.persist(w);
        em.flush();
        String id = String.valueOf(w.getId());
        work.add(
                managerRole(p),
                p.getAgency().getId(),
                null,
                WORK_PUBLISH,
                SUBJECT,
                id,
                cut(
                        p.getReference()
                                + " 第"
                                + a.getLotNo()
                                + "包 成交供应商："
                                + supplier.getName()
                                + "，成交金额 "
                                + AwardNoticeText.figures(w.getAmount())
                                + " 元",
                        300),
                due);
        audit.recordFor(
                new AuditTrail.Actor(AuditTrail.SYSTEM, null, null),
                "AWARD_PREPARED",
                SUBJECT,
                id,
                null,
                "project="
                        + p.getReference()
                        + "; lot="
                        + a.getLotNo()
                        + "; auction="
                        + a.getId()
                        + "; supplier="
                        + supplier.getId()
                        + "; amount="
                        + w.getAmount().toPlainString()
                        + "; saving="
                        + w.getSaving().toPlainString()
                        + "; due="
                        + due);
        return w.getId();
    }

    /**
     * An auction that failed ({@link Auction#failed}): no award; the lot goes back to the project's
     * agency with a work item that says why. Inside the close's transaction.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void auctionFailed(Auction a, AuctionResult.Failed result) {
        Project p = a.getProject();
        AuctionFailure why =
                AuctionFailure.of(result.qualified(), result.bidders(), result.minimum());
        work.add(
                managerRole(p),
                p.getAgency().getId(),
                null,
                WORK_AUCTION_FAILED,
                "Project",
                String.valueOf(p.getId()),
                cut(p.getReference() + " 第" + a.getLotNo() + "包 网上竞价失败：" + why.reason(), 300),
                null);
    }

    /**
     * The project is terminated (终止公告): the agency's work about its lots' results is over — the
     * failed auctions' items and the awards not yet published (their notice can no longer be
     * published). Inside the termination's transaction.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void projectTerminated(Project p) {
        work.complete(WORK_AUCTION_FAILED, "Project", String.valueOf(p.getId()));
        for (Long id :
                em.createQuery(
                                "SELECT w.id FROM Award w WHERE w.project.id = :p AND w.state = :s",
                                Long.class)
                        .setParameter("p", p.getId())
                        .setParameter("s", AwardState.PREPARED)
                        .getResultList()) {
            work.complete(WORK_PUBLISH, SUBJECT, String.valueOf(id));
        }
    }

    /**
     * Publishes the award notice of a prepared award (成交结果公告): once, by the organisation managing
     * the project.
     */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public AwardView publish(long id) {
        Account me = caller();
        Award w = em.find(Award.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            throw new Refusal(ProblemCode.AWARD_NOT_FOUND, null, String.valueOf(id));
        }
        Project p = w.getProject();
        if (!manages(p, me)) {
            audit.recordRefusal(
                    "ACCESS_DENIED", SUBJECT, String.valueOf(id), null, "not the caller's award");
            throw new Refusal(ProblemCode.AWARD_NOT_FOUND, null, String.valueOf(id));
        }
        if (w.getState() == AwardState.PUBLISHED) {
            audit.recordRefusal(
                    "AWARD_PUBLICATION_REFUSED",
                    SUBJECT,
                    String.valueOf(id),
                    "state=PUBLISHED",
                    "code=" + ProblemCode.AWARD_ALREADY_PUBLISHED);
            throw new Refusal(
                    ProblemCode.AWARD_ALREADY_PUBLISHED,
                    "state",
                    p.getReference(),
                    w.getLotNo(),
                    w.getNotice().getNoticeNo(),
                    MINUTE.format(w.getPublishedAt()));
        }
        if (p.getState() == ProjectState.TERMINATED) {
            audit.recordRefusal(
                    "AWARD_PUBLICATION_REFUSED",
                    SUBJECT,
                    String.valueOf(id),
                    "state=PREPARED",
                    "code=" + ProblemCode.AWARD_PROJECT_TERMINATED);
            throw new Refusal(ProblemCode.AWARD_PROJECT_TERMINATED, "state", p.getReference());
        }
        // milliseconds: what the answer says is what the database keeps and later reads say
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Organisation s = w.getSupplier();
        ProjectLot lot = p.lot(w.getLotNo());
        PublishedNotice n =
                notices.award(
                        p,
                        List.of(
                                new AwardNoticeText.Winner(
                                        w.getLotNo(),
                                        lot == null ? null : lot.getTitle(),
                                        s.getName(),
                                        s.getCreditCode(),
                                        null,
                                        w.getAmount())),
                        now,
                        me.username());
        w.published(n, now, me.username());
        em.flush();
        work.complete(WORK_PUBLISH, SUBJECT, String.valueOf(id));
        // 政府采购法 第四十六条: the contract within 30 days of the notice — late from the 31st day
        work.add(
                "PURCHASER",
                p.getBuyer().getId(),
                null,
                WORK_CONTRACT_DRAFT,
                SUBJECT,
                String.valueOf(id),
                cut(p.getReference() + " 第" + w.getLotNo() + "包 " + s.getName(), 300),
                ContractDeadlines.signLateFrom(now));
        audit.record(
                "AWARD_PUBLISHED",
                SUBJECT,
                String.valueOf(id),
                "state=PREPARED",
                "state=PUBLISHED; notice="
                        + n.getNoticeNo()
                        + "; supplier="
                        + s.getId()
                        + "; amount="
                        + w.getAmount().toPlainString());
        return view(w, me, true);
    }

    /** The awards of a project, by lot, as the caller may see them. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public List<AwardView> ofProject(long projectId) {
        Account me = caller();
        Project p = em.find(Project.class, projectId);
        if (p == null) {
            throw new Refusal(ProblemCode.PROJECT_NOT_FOUND, null, String.valueOf(projectId));
        }
        boolean monitor = monitors(p, me);
        if (!monitor && !session.isCallerInRole("SUPPLIER")) {
            audit.recordRefusal(
                    "ACCESS_DENIED", "Project", p.getReference(), null, "not the caller's awards");
            throw new Refusal(ProblemCode.PROJECT_NOT_FOUND, null, String.valueOf(projectId));
        }
        List<Award> all =
                em.createQuery(
                                "SELECT w FROM Award w WHERE w.project.id = :p ORDER BY w.lotNo",
                                Award.class)
                        .setParameter("p", projectId)
                        .getResultList();
        List<AwardView> views = new ArrayList<>();
        for (Award w : all) {
            if (monitor || ownPublished(w, me)) {
                views.add(view(w, me, monitor));
            }
        }
        return views;
    }

    /** One award as the caller may see it. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public AwardView get(long id) {
        Account me = caller();
        Award w = em.find(Award.class, id);
        if (w == null) {
            throw new Refusal(ProblemCode.AWARD_NOT_FOUND, null, String.valueOf(id));
        }
        boolean monitor = monitors(w.getProject(), me);
        if (!monitor && !ownPublished(w, me)) {
            audit.recordRefusal(
                    "ACCESS_DENIED", SUBJECT, String.valueOf(id), null, "not the caller's award");
            throw new Refusal(ProblemCode.AWARD_NOT_FOUND, null, String.valueOf(id));
        }
        return view(w, me, monitor);
    }

    /**
     * Whether the award of an auction has been published: from then on the winner's name is public
     * (the award notice names it), so the auction's view may lift the alias.
     */
    @PermitAll
    public boolean publishedFor(long auctionId) {
        return !em.createQuery(
                        "SELECT w.id FROM Award w WHERE w.auctionId = :a AND w.state = :s",
                        Long.class)
                .setParameter("a", auctionId)
                .setParameter("s", AwardState.PUBLISHED)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private AwardView view(Award w, Account me, boolean monitor) {
        Project p = w.getProject();
        ProjectLot lot = p.lot(w.getLotNo());
        Organisation s = w.getSupplier();
        List<AwardView.Rung> ranking = new ArrayList<>();
        if (monitor) {
            Map<Long, String> names = new HashMap<>();
            for (AwardRung r : w.getRanking()) {
                String name =
                        names.computeIfAbsent(
                                r.getSupplierId(),
                                k -> {
                                    Organisation o = em.find(Organisation.class, k);
                                    return o == null ? null : o.getName();
                                });
                ranking.add(
                        new AwardView.Rung(r.getRank(), name, r.getAmount(), r.getAcceptedAt()));
            }
        }
        boolean publishable =
                w.getState() == AwardState.PREPARED
                        && p.getState() != ProjectState.TERMINATED
                        && manages(p, me);
        return new AwardView(
                w.getId(),
                p.getId(),
                p.getReference(),
                p.getTitle(),
                w.getLotNo(),
                lot == null ? null : lot.getTitle(),
                w.getSource(),
                w.getAuctionId(),
                s.getId(),
                s.getName(),
                s.getCreditCode(),
                w.getAmount(),
                ChineseCapitalAmount.of(w.getAmount()),
                w.getCeiling(),
                w.getSaving(),
                w.getQualifiedCount(),
                w.getState(),
                w.getPreparedAt(),
                w.getPublicationDue(),
                w.getPublishedAt(),
                w.getPublishedBy(),
                w.getNotice() == null ? null : w.getNotice().getNoticeNo(),
                publishable,
                ranking);
    }

    /** The project's agency and buyer, and those who see every project. */
    private boolean monitors(Project p, Account me) {
        return session.isCallerInRole("FINANCE")
                || session.isCallerInRole("SUPERVISOR")
                || session.isCallerInRole("ADMIN")
                || (session.isCallerInRole("AGENCY") || session.isCallerInRole("PURCHASER"))
                        && (p.getAgency().getId().equals(me.organisationId())
                                || p.getBuyer().getId().equals(me.organisationId()));
    }

    /** The organisation managing the project: its agency, or the unit running it itself. */
    private boolean manages(Project p, Account me) {
        if (!p.getAgency().getId().equals(me.organisationId())) {
            return false;
        }
        return session.isCallerInRole(managerRole(p));
    }

    private boolean ownPublished(Award w, Account me) {
        return session.isCallerInRole("SUPPLIER")
                && w.getState() == AwardState.PUBLISHED
                && w.getSupplier().getId().equals(me.organisationId());
    }

    /** AGENCY, or PURCHASER for a unit running its own (decentralised) project. */
    private static String managerRole(Project p) {
        return p.getAgency().getId().equals(p.getBuyer().getId()) ? "PURCHASER" : "AGENCY";
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private Account caller() {
        return directory
                .findAccount(session.getCallerPrincipal().getName())
                .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
    }
}

package io.sunshine.procurement.project.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.boundary.SupplierRegistry;
import io.sunshine.directory.boundary.SupplierView;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.project.control.EnrolmentRule;
import io.sunshine.procurement.project.control.EnrolmentRule.Ban;
import io.sunshine.procurement.project.control.EnrolmentRule.LotFacts;
import io.sunshine.procurement.project.control.EnrolmentRule.ProjectFacts;
import io.sunshine.procurement.project.control.EnrolmentRule.SupplierFacts;
import io.sunshine.procurement.project.entity.DocumentDownload;
import io.sunshine.procurement.project.entity.Enrolment;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectDocument;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.procurement.project.entity.ProjectState;
import io.sunshine.supervision.boundary.AuditTrail;
import io.sunshine.supervision.boundary.BadConduct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Suppliers enrol (报名, 获取采购文件登记) in the lots of a published project before its deadline, and may
 * withdraw before it. A refused enrolment says why (deadline, state, lot, verification, the
 * bad-conduct list, the SME reservation), is written to the audit trail, and changes nothing.
 *
 * <p>Enrolling twice in the same lot is idempotent: the second request gets the first enrolment
 * back. Enrolments in one project serialise on the project row ({@code SELECT … FOR UPDATE}), so
 * two simultaneous requests of one supplier find each other's row instead of making two; the unique
 * constraint on (project, lot, supplier) stands behind that, and its violation is a clean refusal,
 * never a 500. The same lock orders enrolments against a termination or a correction of the
 * project.
 *
 * <p>Who sees enrolments: a supplier its own; the project's agency and buyer the names per lot only
 * from the deadline on (招标投标法 第二十二条: the names and number of potential bidders are not disclosed
 * before; 实施条例 第七十四条 counts passing on other suppliers' information as collusion); supervisors at
 * any time, as they read every trail.
 */
@Stateless
@DeclareRoles({"SUPPLIER", "AGENCY", "PURCHASER", "SUPERVISOR"})
public class Enrolments {
    static final String SUBJECT = "Enrolment";

    @PersistenceContext EntityManager em;
    @EJB Directory directory;
    @EJB SupplierRegistry registry;
    @EJB BadConduct badConduct;
    @EJB AuditTrail audit;
    @Resource SessionContext session;
    @Inject Clock clock;

    /** Enrols the caller's organisation in a lot; a repeated request returns the enrolment. */
    @RolesAllowed("SUPPLIER")
    public EnrolmentOutcome enrol(long projectId, int lotNo) {
        Account me = caller();
        Project p = visibleProject(projectId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        String object = object(p, lotNo);
        Optional<Refusal> no =
                EnrolmentRule.refusal(facts(p), lotFacts(p, lotNo), supplierFacts(me, now), now);
        if (no.isPresent()) {
            throw audited(no.get(), "ENROLMENT_REFUSED", object);
        }
        Optional<Enrolment> existing = find(p, lotNo, me.organisationId());
        if (existing.isPresent() && existing.get().isActive()) {
            return new EnrolmentOutcome(EnrolmentView.of(existing.get()), false);
        }
        Enrolment e;
        if (existing.isPresent()) {
            e = existing.get();
            e.reenrol(me.username(), now);
        } else {
            e =
                    new Enrolment(
                            p,
                            lotNo,
                            em.getReference(Organisation.class, me.organisationId()),
                            me.username(),
                            now);
            em.persist(e);
        }
        try {
            em.flush();
        } catch (PersistenceException race) {
            throw audited(
                    new Refusal(ProblemCode.ENROLMENT_CONFLICT, null, p.getReference(), lotNo),
                    "ENROLMENT_REFUSED",
                    object);
        }
        audit.record(
                "ENROLLED",
                SUBJECT,
                object,
                existing.isPresent() ? "withdrawn" : null,
                "supplier=" + me.organisationName() + "; user=" + me.username());
        return new EnrolmentOutcome(EnrolmentView.of(e), true);
    }

    /** Withdraws the caller's enrolment in a lot, before the deadline only. */
    @RolesAllowed("SUPPLIER")
    public EnrolmentView withdraw(long projectId, int lotNo) {
        Account me = caller();
        Project p = visibleProject(projectId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        String object = object(p, lotNo);
        Optional<Enrolment> e = find(p, lotNo, me.organisationId()).filter(Enrolment::isActive);
        if (e.isEmpty()) {
            throw new Refusal(ProblemCode.ENROLMENT_NOT_FOUND, null, p.getReference(), lotNo);
        }
        Optional<Refusal> closed = EnrolmentRule.closed(facts(p), now);
        if (closed.isPresent()) {
            throw audited(closed.get(), "ENROLMENT_WITHDRAWAL_REFUSED", object);
        }
        e.get().withdraw(me.username(), now);
        audit.record(
                "ENROLMENT_WITHDRAWN",
                SUBJECT,
                object,
                "enrolled at " + e.get().getEnrolledAt(),
                "supplier=" + me.organisationName() + "; user=" + me.username());
        return EnrolmentView.of(e.get());
    }

    /** The caller's enrolment in one lot. */
    @RolesAllowed("SUPPLIER")
    public EnrolmentView mine(long projectId, int lotNo) {
        Account me = caller();
        Project p = visibleProject(projectId, LockModeType.NONE);
        return find(p, lotNo, me.organisationId())
                .filter(Enrolment::isActive)
                .map(EnrolmentView::of)
                .orElseThrow(
                        () ->
                                new Refusal(
                                        ProblemCode.ENROLMENT_NOT_FOUND,
                                        null,
                                        p.getReference(),
                                        lotNo));
    }

    /** Every active enrolment of the caller's organisation, newest first. */
    @RolesAllowed("SUPPLIER")
    public List<EnrolmentView> mine() {
        Account me = caller();
        return em.createQuery(
                        "SELECT e FROM Enrolment e WHERE e.supplier.id = :o AND e.withdrawnAt IS"
                                + " NULL ORDER BY e.enrolledAt DESC, e.id DESC",
                        Enrolment.class)
                .setParameter("o", me.organisationId())
                .getResultStream()
                .map(EnrolmentView::of)
                .toList();
    }

    /**
     * The suppliers enrolled in a lot: for the project's agency and buyer from the deadline on, for
     * supervisors at any time. A look before the deadline is refused and audited.
     */
    @RolesAllowed({"AGENCY", "PURCHASER", "SUPERVISOR"})
    public LotEnrolmentsView enrolled(long projectId, int lotNo) {
        Account me = caller();
        Project p = em.find(Project.class, projectId);
        boolean supervisor = session.isCallerInRole("SUPERVISOR");
        boolean party =
                p != null
                        && (p.getAgency().getId() == me.organisationId()
                                || p.getBuyer().getId() == me.organisationId());
        if (p == null || !(supervisor || party)) {
            if (p != null) {
                audit.recordRefusal(
                        "ACCESS_DENIED",
                        SUBJECT,
                        object(p, lotNo),
                        null,
                        "object-level: not the project's agency or buyer");
            }
            throw new Refusal(ProblemCode.PROJECT_NOT_FOUND, null, String.valueOf(projectId));
        }
        ProjectLot lot = p.lot(lotNo);
        if (lot == null) {
            throw new Refusal(ProblemCode.LOT_NOT_FOUND, "lotNo", p.getReference(), lotNo);
        }
        Instant now = clock.instant();
        if (!supervisor && !EnrolmentRule.namesDisclosable(facts(p), now)) {
            throw audited(
                    new Refusal(
                            ProblemCode.ENROLMENTS_SEALED,
                            null,
                            p.getReference(),
                            EnrolmentRule.beijing(p.getBidDeadline())),
                    "ENROLMENTS_READ_REFUSED",
                    object(p, lotNo));
        }
        List<LotEnrolmentsView.Entry> entries =
                em.createQuery(
                                "SELECT e FROM Enrolment e WHERE e.project = :p AND e.lotNo = :l"
                                        + " AND e.withdrawnAt IS NULL ORDER BY e.enrolledAt, e.id",
                                Enrolment.class)
                        .setParameter("p", p)
                        .setParameter("l", lotNo)
                        .getResultStream()
                        .map(
                                e ->
                                        new LotEnrolmentsView.Entry(
                                                e.getSupplier().getId(),
                                                e.getSupplier().getName(),
                                                e.getSupplier().getCreditCode(),
                                                e.getEnrolledAt()))
                        .toList();
        return new LotEnrolmentsView(p.getId(), p.getReference(), lotNo, lot.getTitle(), entries);
    }

    /**
     * A published (or terminated) project as the calling supplier sees it: what it may do in each
     * lot, with the reason in {@code locale} when it may not enrol, and the documents with its own
     * downloads.
     */
    @RolesAllowed("SUPPLIER")
    public SupplierProjectView forSupplier(long projectId, Locale locale) {
        Account me = caller();
        Project p = visibleProject(projectId, LockModeType.NONE);
        Instant now = clock.instant();
        ProjectFacts project = facts(p);
        SupplierFacts supplier = supplierFacts(me, now);
        Map<Integer, Instant> enrolled =
                em.createQuery(
                                "SELECT e FROM Enrolment e WHERE e.project = :p AND e.supplier.id"
                                        + " = :o AND e.withdrawnAt IS NULL",
                                Enrolment.class)
                        .setParameter("p", p)
                        .setParameter("o", me.organisationId())
                        .getResultStream()
                        .collect(Collectors.toMap(Enrolment::getLotNo, Enrolment::getEnrolledAt));
        List<SupplierProjectView.Lot> lots =
                p.getLots().stream()
                        .map(
                                l -> {
                                    Instant at = enrolled.get(l.getLotNo());
                                    Refusal no =
                                            at != null
                                                    ? null
                                                    : EnrolmentRule.refusal(
                                                                    project,
                                                                    new LotFacts(
                                                                            l.getLotNo(),
                                                                            true,
                                                                            l.isSmeOnly()),
                                                                    supplier,
                                                                    now)
                                                            .orElse(null);
                                    return new SupplierProjectView.Lot(
                                            l.getLotNo(),
                                            l.getTitle(),
                                            l.getBudget(),
                                            l.getBidSecurity(),
                                            l.isSmeOnly(),
                                            l.getQualification(),
                                            at,
                                            no == null ? null : no.code(),
                                            no == null
                                                    ? null
                                                    : ProblemMessages.message(
                                                            no.code(), locale, no.args()));
                                })
                        .toList();
        return new SupplierProjectView(
                p.getId(),
                p.getReference(),
                p.getTitle(),
                p.getDescription(),
                p.getMethod() == null ? null : p.getMethod().name(),
                p.getBuyer().getName(),
                p.getAgency().getName(),
                p.getQualification(),
                p.getBidDeadline(),
                p.getAuctionStart(),
                p.getState(),
                p.getPublishedAt(),
                lots,
                documents(p, me.organisationId()));
    }

    /** The published projects whose deadline has not passed, soonest deadline first. */
    @RolesAllowed("SUPPLIER")
    public List<OpenProjectView> openProjects() {
        Account me = caller();
        Instant now = clock.instant();
        Map<Long, Long> mine =
                em.createQuery(
                                "SELECT e.project.id, COUNT(e) FROM Enrolment e WHERE e.supplier.id"
                                        + " = :o AND e.withdrawnAt IS NULL GROUP BY e.project.id",
                                Object[].class)
                        .setParameter("o", me.organisationId())
                        .getResultStream()
                        .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
        return em.createQuery(
                        "SELECT p FROM Project p WHERE p.state = :s AND p.bidDeadline > :now ORDER"
                                + " BY p.bidDeadline, p.id",
                        Project.class)
                .setParameter("s", ProjectState.PUBLISHED)
                .setParameter("now", now)
                .getResultStream()
                .map(
                        p ->
                                new OpenProjectView(
                                        p.getId(),
                                        p.getReference(),
                                        p.getTitle(),
                                        p.getMethod() == null ? null : p.getMethod().name(),
                                        p.getBuyer().getName(),
                                        p.getBidDeadline(),
                                        p.getLots().size(),
                                        (int)
                                                p.getLots().stream()
                                                        .filter(ProjectLot::isSmeOnly)
                                                        .count(),
                                        mine.getOrDefault(p.getId(), 0L)))
                .toList();
    }

    private List<SupplierProjectView.Document> documents(Project p, long organisationId) {
        List<ProjectDocument> docs =
                em.createQuery(
                                "SELECT d FROM ProjectDocument d WHERE d.project = :p ORDER BY"
                                        + " d.uploadedAt, d.id",
                                ProjectDocument.class)
                        .setParameter("p", p)
                        .getResultList();
        if (docs.isEmpty()) {
            return List.of();
        }
        // the rows, not MAX(downloadedAt): an aggregate bypasses the Instant converter
        Map<Long, Instant> downloaded =
                em.createQuery(
                                "SELECT d FROM DocumentDownload d WHERE d.organisationId = :o AND"
                                        + " d.documentId IN :ids",
                                DocumentDownload.class)
                        .setParameter("o", organisationId)
                        .setParameter("ids", docs.stream().map(ProjectDocument::getId).toList())
                        .getResultStream()
                        .collect(
                                Collectors.toMap(
                                        DocumentDownload::getDocumentId,
                                        DocumentDownload::getDownloadedAt,
                                        (x, y) -> x.isAfter(y) ? x : y));
        return docs.stream()
                .map(
                        d ->
                                new SupplierProjectView.Document(
                                        d.getId(),
                                        d.getFileName(),
                                        d.getSha256(),
                                        d.getSizeBytes(),
                                        downloaded.get(d.getId())))
                .toList();
    }

    /** A project a supplier may see: published or terminated, never a draft. */
    private Project visibleProject(long projectId, LockModeType lock) {
        Project p = em.find(Project.class, projectId, lock);
        if (p == null || p.getState() == ProjectState.DRAFT) {
            throw new Refusal(ProblemCode.PROJECT_NOT_FOUND, null, String.valueOf(projectId));
        }
        return p;
    }

    private Optional<Enrolment> find(Project p, int lotNo, long organisationId) {
        return em.createQuery(
                        "SELECT e FROM Enrolment e WHERE e.project = :p AND e.lotNo = :l AND"
                                + " e.supplier.id = :o",
                        Enrolment.class)
                .setParameter("p", p)
                .setParameter("l", lotNo)
                .setParameter("o", organisationId)
                .getResultStream()
                .findFirst();
    }

    private static ProjectFacts facts(Project p) {
        return new ProjectFacts(p.getReference(), p.getState(), p.getBidDeadline());
    }

    private static LotFacts lotFacts(Project p, int lotNo) {
        ProjectLot lot = p.lot(lotNo);
        return new LotFacts(lotNo, lot != null, lot != null && lot.isSmeOnly());
    }

    private SupplierFacts supplierFacts(Account me, Instant now) {
        SupplierView s =
                registry.mine()
                        .orElseThrow(
                                () ->
                                        new Refusal(
                                                ProblemCode.SUPPLIER_NOT_FOUND,
                                                null,
                                                String.valueOf(me.organisationId())));
        Ban ban =
                badConduct
                        .listingAt(s.id(), now)
                        .map(l -> new Ban(l.decisionReference(), l.endsOn()))
                        .orElse(null);
        return new SupplierFacts(
                s.name(),
                s.status(),
                s.sizeClass(),
                s.sizeDeclarationVersion(),
                s.sizeDeclaredAt(),
                ban);
    }

    /** Records a refusal (in its own transaction, so it outlives the rollback) and returns it. */
    private Refusal audited(Refusal r, String action, String object) {
        audit.recordRefusal(
                action,
                SUBJECT,
                object,
                null,
                r.code().name()
                        + ": "
                        + ProblemMessages.message(r.code(), Locale.ENGLISH, r.args()));
        return r;
    }

    private static String object(Project p, int lotNo) {
        return p.getReference() + " lot " + lotNo;
    }

    private Account caller() {
        Account a =
                directory
                        .findAccount(session.getCallerPrincipal().getName())
                        .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
        if (session.isCallerInRole("SUPPLIER")
                && a.organisationType() != OrganisationType.SUPPLIER) {
            throw new Refusal(ProblemCode.ACCESS_DENIED, null, "enrolment");
        }
        return a;
    }
}

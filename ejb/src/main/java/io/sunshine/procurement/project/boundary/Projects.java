package io.sunshine.procurement.project.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.RegistrationStatus;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.control.DocumentStore;
import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.PdfUpload;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.auction.boundary.Auctions;
import io.sunshine.procurement.auction.control.AuctionSettings;
import io.sunshine.procurement.notice.boundary.NoticeRules;
import io.sunshine.procurement.notice.boundary.Notices;
import io.sunshine.procurement.notice.control.CorrectionOutcome;
import io.sunshine.procurement.notice.entity.NoticeType;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.control.LotPlan;
import io.sunshine.procurement.project.entity.DocumentDownload;
import io.sunshine.procurement.project.entity.LotItem;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectDocument;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.procurement.project.entity.ProjectState;
import io.sunshine.procurement.requirement.boundary.ProcurementRules;
import io.sunshine.procurement.requirement.control.Category;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.procurement.requirement.entity.Requirement;
import io.sunshine.procurement.requirement.entity.RequirementItem;
import io.sunshine.procurement.requirement.entity.RequirementState;
import io.sunshine.supervision.boundary.AuditTrail;
import io.sunshine.supervision.boundary.BadConduct;
import io.sunshine.supervision.boundary.BadConductView;
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
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stage 2: procurement projects. An agency (or a purchasing unit, for its own decentralised plans)
 * opens a project from approved requirements, divides the items into lots, uploads the procurement
 * documents and publishes the procurement notice — refused, with the rule cited, when the deadline
 * leaves less than the statutory period. Afterwards it corrects (更正, the deadline moves when the
 * correction comes too late for the period) or terminates (终止) it; every step is a public notice.
 *
 * <p>Who sees what: the managing organisation (the agency, or the unit running it itself) and the
 * buyer see their projects in every state; FINANCE, SUPERVISOR and ADMIN see all; a supplier sees
 * published and terminated ones. Anything else is "not found", and the refusal is audited.
 */
@Stateless
@DeclareRoles({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN", "SUPPLIER", "EXPERT"})
public class Projects {
    static final String SUBJECT = "Project";
    private static final String[] READERS = {
        "PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN", "SUPPLIER"
    };

    @PersistenceContext EntityManager em;
    @EJB Directory directory;
    @EJB ProcurementRules rules;
    @EJB Notices notices;
    @EJB AuditTrail audit;
    @EJB BadConduct badConduct;
    @EJB Auctions auctions;
    @Inject NoticeRules periods;
    @Resource SessionContext session;
    @Resource TransactionSynchronizationRegistry transactions;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "sunshine.storage.dir")
    Optional<String> storageDir;

    @Inject
    @ConfigProperty(name = "sunshine.documents.max-bytes", defaultValue = "10485760")
    long maxDocumentBytes;

    @RolesAllowed({"AGENCY", "PURCHASER"})
    public ProjectView open(ProjectDraft draft) {
        Account me = caller();
        Organisation org = em.find(Organisation.class, me.organisationId());
        boolean agency = session.isCallerInRole("AGENCY");
        if (agency
                ? org.getType() != OrganisationType.AGENCY
                : org.getType() != OrganisationType.PURCHASING_UNIT) {
            throw new Refusal(ProblemCode.ACCESS_DENIED, null);
        }
        List<Requirement> reqs = requirements(draft.requirementIds(), me, agency, null);
        Organisation buyer = reqs.get(0).getUnit();
        Project p = new Project(buyer, agency ? org : buyer, clock.instant(), me.username());
        // checked and filled before persist: the rule look-ups query, and a query flushes
        apply(p, draft, reqs);
        em.persist(p);
        p.assignReference(today().getYear());
        em.flush();
        audit.record(
                "PROJECT_OPENED",
                SUBJECT,
                p.getReference(),
                null,
                "title=" + p.getTitle() + "; method=" + p.getMethod() + "; budget=" + p.budget());
        return view(p);
    }

    @RolesAllowed({"AGENCY", "PURCHASER"})
    public ProjectView update(long id, ProjectDraft draft) {
        Account me = caller();
        Project p = managed(id, me);
        requireState(p, "action.edit", ProjectState.DRAFT);
        String before = "title=" + p.getTitle() + "; budget=" + p.budget();
        List<Requirement> reqs =
                requirements(draft.requirementIds(), me, session.isCallerInRole("AGENCY"), p);
        if (!reqs.get(0).getUnit().getId().equals(p.getBuyer().getId())) {
            throw new Refusal(
                    ProblemCode.PROJECT_REQUIREMENTS_MIXED,
                    "requirementIds",
                    p.getBuyer().getName(),
                    reqs.get(0).getUnit().getName());
        }
        apply(p, draft, reqs);
        em.flush();
        audit.record(
                "PROJECT_CHANGED",
                SUBJECT,
                p.getReference(),
                before,
                "title=" + p.getTitle() + "; budget=" + p.budget());
        return view(p);
    }

    /** A procurement document (PDF) of a draft project. */
    @RolesAllowed({"AGENCY", "PURCHASER"})
    public ProjectView.DocumentView addDocument(long id, String fileName, byte[] content) {
        Account me = caller();
        Project p = managed(id, me);
        requireState(p, "action.upload", ProjectState.DRAFT);
        String name = PdfUpload.check(fileName, content, maxDocumentBytes);
        DocumentStore store = store();
        DocumentStore.Stored stored = store.put(content);
        // the file exists only if the row does: a rolled-back upload leaves nothing on disk
        transactions.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        if (status != Status.STATUS_COMMITTED) {
                            store.delete(stored.storageName());
                        }
                    }
                });
        ProjectDocument d =
                new ProjectDocument(
                        p,
                        name,
                        stored.storageName(),
                        stored.sha256(),
                        stored.size(),
                        clock.instant(),
                        me.username());
        em.persist(d);
        em.flush();
        audit.record(
                "PROJECT_DOCUMENT_UPLOADED",
                SUBJECT,
                p.getReference(),
                null,
                "file=" + name + "; sha256=" + stored.sha256());
        return ProjectView.DocumentView.of(d);
    }

    /** A document's bytes, checked against its SHA-256; a supplier's download is recorded. */
    @RolesAllowed({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN", "SUPPLIER"})
    public DocumentContent document(long projectId, long documentId) {
        Account me = caller();
        Project p = readable(projectId, me);
        ProjectDocument d = em.find(ProjectDocument.class, documentId);
        if (d == null || !d.getProject().getId().equals(p.getId())) {
            throw new Refusal(
                    ProblemCode.DOCUMENT_NOT_FOUND, "documentId", String.valueOf(documentId));
        }
        if (session.isCallerInRole("SUPPLIER")) {
            Organisation supplier = em.find(Organisation.class, me.organisationId());
            if (supplier.getRegistrationStatus() != RegistrationStatus.VERIFIED) {
                audit.recordRefusal(
                        "ACCESS_DENIED",
                        SUBJECT,
                        p.getReference(),
                        null,
                        "document download by an unverified supplier");
                throw new Refusal(ProblemCode.ACCESS_DENIED, null);
            }
            // a supplier barred from procurement (Law art. 77) does not obtain the documents either
            Optional<BadConductView> ban = badConduct.listingAt(supplier.getId(), clock.instant());
            if (ban.isPresent()) {
                audit.recordRefusal(
                        "DOCUMENT_DOWNLOAD_REFUSED",
                        SUBJECT,
                        p.getReference(),
                        null,
                        "supplier on the bad-conduct list: " + ban.get().decisionReference());
                throw new Refusal(
                        ProblemCode.ENROLMENT_SUPPLIER_LISTED,
                        null,
                        supplier.getName(),
                        ban.get().decisionReference(),
                        ban.get().endsOn().toString());
            }
        }
        byte[] bytes = store().get(d.getStorageName());
        if (!DocumentStore.sha256(bytes).equals(d.getSha256())) {
            throw new IllegalStateException("Document " + d.getId() + " failed its hash check");
        }
        em.persist(
                new DocumentDownload(
                        d.getId(), me.organisationId(), me.username(), clock.instant()));
        return new DocumentContent(ProjectView.DocumentView.of(d), bytes);
    }

    /** A document with its bytes. */
    public record DocumentContent(ProjectView.DocumentView document, byte[] bytes) {}

    /**
     * Publishes the procurement notice (or the single-source public notice): the documents are
     * there (single source excepted), the deadline leaves the statutory period from today, and a
     * reverse auction starts no earlier than the close of enrolment.
     */
    @RolesAllowed({"AGENCY", "PURCHASER"})
    public ProjectView publish(long id) {
        Account me = caller();
        Project p = managed(id, me);
        requireState(p, "action.publish", ProjectState.DRAFT);
        Instant now = clock.instant();
        List<ProjectDocument> docs = documents(p);
        boolean singleSource = p.getMethod() == ProcurementMethod.SINGLE_SOURCE;
        if (docs.isEmpty() && !singleSource) {
            throw new Refusal(
                    ProblemCode.PROJECT_DOCUMENTS_MISSING,
                    "documents",
                    new Localized("notice." + NoticeType.PROCUREMENT));
        }
        if (p.getBidDeadline() == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "bidDeadline", "bidDeadline");
        }
        requireAfter(p.getBidDeadline(), now, "bidDeadline");
        Instant periodEnd = p.getBidDeadline();
        if (p.getMethod() == ProcurementMethod.REVERSE_AUCTION) {
            requireAuctionStart(p.getBidDeadline(), p.getAuctionStart());
            periodEnd = p.getAuctionStart();
        }
        periods.periods()
                .check(
                        p.getMethod(),
                        now,
                        periodEnd,
                        p.getMethod() == ProcurementMethod.REVERSE_AUCTION
                                ? "auctionStart"
                                : "bidDeadline");
        p.published(now, me.username());
        if (p.getMethod() == ProcurementMethod.REVERSE_AUCTION) {
            auctions.open(p);
        }
        PublishedNotice n = notices.procurement(p, docs, now, me.username());
        audit.record(
                "PROJECT_PUBLISHED",
                SUBJECT,
                p.getReference(),
                "state=DRAFT",
                "state=PUBLISHED; notice=" + n.getNoticeNo() + "; deadline=" + p.getBidDeadline());
        return view(p);
    }

    /**
     * Publishes a correction (更正公告). When it may affect the preparation of bids and comes less than
     * the correction period before the deadline, the deadline moves: to the date given, which must
     * be lawful, or else to the earliest lawful day at the same time of day. A reverse auction's
     * start moves with its close of enrolment.
     */
    @RolesAllowed({"AGENCY", "PURCHASER"})
    public ProjectView correct(
            long id, String rationale, boolean affectsBids, Instant newDeadline) {
        Account me = caller();
        Project p = managed(id, me);
        requireState(p, "action.correct", ProjectState.PUBLISHED);
        if (p.getMethod() == ProcurementMethod.SINGLE_SOURCE) {
            // a single-source public notice has no deadline to move: it is published anew
            throw new Refusal(
                    ProblemCode.PROJECT_STATE_INVALID,
                    null,
                    p.getReference(),
                    new Localized("notice." + NoticeType.SINGLE_SOURCE),
                    new Localized("action.correct"));
        }
        String text = text(rationale, 0, 2000, "rationale");
        if (text == null) {
            throw new Refusal(ProblemCode.REASON_REQUIRED, "rationale");
        }
        Instant now = clock.instant();
        boolean auction = p.getMethod() == ProcurementMethod.REVERSE_AUCTION;
        Instant oldDeadline = p.getBidDeadline();
        Instant current = auction ? p.getAuctionStart() : oldDeadline;
        requireAfter(oldDeadline, now, "bidDeadline");
        Instant target = current;
        String field = auction ? "auctionStart" : "newBidDeadline";
        if (newDeadline != null) {
            requireAfter(newDeadline, now, field);
            // never shorter than the period the original notice had to give
            periods.periods().check(p.getMethod(), p.getPublishedAt(), newDeadline, field);
            target = newDeadline;
        }
        if (affectsBids) {
            CorrectionOutcome o = periods.corrections().assess(p.getMethod(), now, target);
            if (o.deadlineMustMove()) {
                if (newDeadline != null) {
                    periods.corrections().check(p.getMethod(), now, newDeadline, field);
                }
                ZonedDateTime at = target.atZone(PlatformClock.SHANGHAI);
                target =
                        o.earliestDeadline()
                                .atTime(at.toLocalTime())
                                .atZone(at.getZone())
                                .toInstant();
            }
        }
        Duration shift = Duration.between(current, target);
        if (auction) {
            p.moveDeadline(oldDeadline.plus(shift), target);
        } else {
            p.moveDeadline(target, null);
        }
        PublishedNotice corrected = lastNotice(p);
        PublishedNotice n =
                notices.correction(
                        p, corrected, text, affectsBids, oldDeadline, now, me.username());
        audit.record(
                "PROJECT_CORRECTED",
                SUBJECT,
                p.getReference(),
                "deadline=" + oldDeadline,
                "deadline=" + p.getBidDeadline() + "; notice=" + n.getNoticeNo());
        return view(p);
    }

    /** Publishes the termination notice (终止公告); the requirements may go into a new project. */
    @RolesAllowed({"AGENCY", "PURCHASER"})
    public ProjectView terminate(long id, String reason) {
        Account me = caller();
        Project p = managed(id, me);
        requireState(p, "action.terminate", ProjectState.PUBLISHED);
        String text = text(reason, 0, 2000, "reason");
        if (text == null) {
            throw new Refusal(ProblemCode.REASON_REQUIRED, "reason");
        }
        Instant now = clock.instant();
        p.terminated(now);
        PublishedNotice n = notices.termination(p, text, now, me.username());
        audit.record(
                "PROJECT_TERMINATED",
                SUBJECT,
                p.getReference(),
                "state=PUBLISHED",
                "state=TERMINATED; notice=" + n.getNoticeNo());
        return view(p);
    }

    /** The projects the caller may see, newest first. */
    @RolesAllowed({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN", "SUPPLIER"})
    public List<ProjectView> list(ProjectState state, int max) {
        Account me = caller();
        StringBuilder q = new StringBuilder("SELECT p FROM Project p WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (state != null) {
            q.append(" AND p.state = :state");
            params.put("state", state);
        }
        if (seesAll()) {
            // every project
        } else if (session.isCallerInRole("SUPPLIER")) {
            q.append(" AND p.state <> :draft");
            params.put("draft", ProjectState.DRAFT);
        } else {
            q.append(" AND (p.agency.id = :org OR p.buyer.id = :org)");
            params.put("org", me.organisationId());
        }
        q.append(" ORDER BY p.createdAt DESC, p.id DESC");
        var query = em.createQuery(q.toString(), Project.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultStream()
                .map(this::view)
                .toList();
    }

    @RolesAllowed({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN", "SUPPLIER"})
    public ProjectView get(long id) {
        return view(readable(id, caller()));
    }

    /** An approved plan that may go into a new project. */
    public record Plan(
            long id,
            String reference,
            String title,
            String unitName,
            ProcurementMethod method,
            String category,
            BigDecimal total,
            boolean centralised,
            LocalDate plannedStart)
            implements java.io.Serializable {}

    /**
     * The approved plans the caller may put into a new project, oldest first: for an agency every
     * one, for a unit its own decentralised ones; none already in a project that is not terminated.
     */
    @RolesAllowed({"AGENCY", "PURCHASER"})
    public List<Plan> availablePlans() {
        Account me = caller();
        boolean agency = session.isCallerInRole("AGENCY");
        String q =
                "SELECT r FROM Requirement r WHERE r.state = :approved"
                        + (agency ? "" : " AND r.unit.id = :org AND r.centralised = :no")
                        + " AND NOT EXISTS (SELECT p FROM Project p JOIN p.requirements pr"
                        + " WHERE pr = r AND p.state <> :terminated)"
                        + " ORDER BY r.decidedAt, r.id";
        var query =
                em.createQuery(q, Requirement.class)
                        .setParameter("approved", RequirementState.APPROVED)
                        .setParameter("terminated", ProjectState.TERMINATED);
        if (!agency) {
            // a bound parameter, not a literal: EclipseLink writes FALSE as 0, which H2 refuses
            query.setParameter("org", me.organisationId()).setParameter("no", Boolean.FALSE);
        }
        return query.setMaxResults(500)
                .getResultStream()
                .map(
                        r ->
                                new Plan(
                                        r.getId(),
                                        r.getReference(),
                                        r.getTitle(),
                                        r.getUnit().getName(),
                                        r.getMethod(),
                                        r.getCategory(),
                                        r.getTotal(),
                                        r.isCentralised(),
                                        r.getPlannedStart()))
                .toList();
    }

    /** Whether the caller manages this project (the pages offer the agency's actions). */
    @RolesAllowed({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN", "SUPPLIER"})
    public boolean manages(long id) {
        Project p = em.find(Project.class, id);
        return p != null && isManager(p, caller());
    }

    // ---------------------------------------------------------------------------------------------

    private void apply(Project p, ProjectDraft d, List<Requirement> reqs) {
        String title = text(d.title(), 1, 200, "title");
        if (title == null) {
            throw textRefusal("title", 1, 200);
        }
        String description = text(d.description(), 0, 4000, "description");
        String qualification = text(d.qualification(), 0, 2000, "qualification");
        String reason = text(d.methodReason(), 0, 500, "methodReason");
        List<RequirementItem> items = new ArrayList<>();
        reqs.forEach(r -> items.addAll(r.getItems()));
        BigDecimal total =
                items.stream()
                        .map(RequirementItem::getAmount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        Category category = Category.valueOf(reqs.get(0).getCategory());
        ProcurementMethod method = d.method() != null ? d.method() : reqs.get(0).getMethod();
        rules.current()
                .decide(
                        category,
                        total,
                        items.stream().map(RequirementItem::getCatalogueCode).toList())
                .check(method, total, category);
        if (method == ProcurementMethod.SINGLE_SOURCE && reason == null) {
            throw new Refusal(ProblemCode.METHOD_REASON_REQUIRED, "methodReason");
        }
        Instant now = clock.instant();
        if (d.bidDeadline() != null) {
            requireAfter(d.bidDeadline(), now, "bidDeadline");
        }
        Instant auctionStart = null;
        if (method == ProcurementMethod.REVERSE_AUCTION) {
            auctionStart = d.auctionStart() != null ? d.auctionStart() : d.bidDeadline();
            if (d.bidDeadline() != null) {
                requireAuctionStart(d.bidDeadline(), auctionStart);
            }
        } else if (d.auctionStart() != null) {
            throw new Refusal(
                    ProblemCode.PARAMETER_CONFLICT, "auctionStart", "auctionStart", "method");
        }
        List<LotPlan.Lot> asked =
                d.lots() == null
                        ? null
                        : d.lots().stream()
                                .map(
                                        l ->
                                                l == null
                                                        ? null
                                                        : new LotPlan.Lot(
                                                                l.title(), l.requirementItemIds()))
                                .toList();
        List<LotPlan.Lot> plan =
                LotPlan.divide(items.stream().map(RequirementItem::getId).toList(), asked, title);
        Map<Long, RequirementItem> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.getId(), i));
        p.describe(
                title,
                description,
                method,
                reason,
                category.name(),
                qualification,
                d.bidDeadline(),
                auctionStart);
        p.carry(reqs);
        List<ProjectLot> lots = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            ProjectDraft.LotDraft ld =
                    d.lots() == null || d.lots().isEmpty() ? null : d.lots().get(i);
            String lotTitle = plan.get(i).title();
            if (lotTitle.length() > 200) {
                throw textRefusal("lotTitle", 1, 200);
            }
            String lotQualification =
                    ld == null ? null : text(ld.qualification(), 0, 1000, "qualification");
            BigDecimal security = ld == null ? null : ld.bidSecurity();
            ProjectLot lot =
                    new ProjectLot(
                            p,
                            i + 1,
                            lotTitle,
                            security,
                            ld != null && ld.smeOnly(),
                            lotQualification);
            List<LotItem> lotItems = new ArrayList<>();
            int line = 1;
            for (Long itemId : plan.get(i).itemIds()) {
                lotItems.add(new LotItem(lot, line++, byId.get(itemId)));
            }
            lot.carry(lotItems);
            if (method == ProcurementMethod.REVERSE_AUCTION) {
                AuctionSettings rules =
                        ld == null || ld.auction() == null
                                ? AuctionSettings.DEFAULTS
                                : ld.auction();
                try {
                    rules.check(Money.of(lot.getBudget()));
                } catch (Refusal r) {
                    throw new Refusal(r.code(), "lots[" + i + "].auction." + r.field(), r.args());
                }
                lot.setAuctionRules(ld == null || ld.auction() == null ? null : rules.toJson());
            }
            if (security != null) {
                periods.bidSecurity()
                        .check(
                                Money.of(security)
                                        .requireNonNegative("lots[" + i + "].bidSecurity"),
                                Money.of(lot.getBudget()),
                                "lots[" + i + "].bidSecurity");
            }
            lots.add(lot);
        }
        if (!p.getLots().isEmpty()) {
            p.replaceLots(List.of());
            em.flush(); // free the (project, lot_no) pairs before the new lots take them
        }
        p.replaceLots(lots);
    }

    /**
     * The requirements asked for, locked in id order (two agencies opening projects from the same
     * plan at once are serialised): each approved, visible to the caller, and in no other project
     * that is not terminated; all of one unit and one category.
     */
    private List<Requirement> requirements(
            List<Long> ids, Account me, boolean agency, Project self) {
        if (ids == null || ids.isEmpty() || ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw new Refusal(
                    ProblemCode.PROJECT_REQUIREMENT_UNAVAILABLE,
                    "requirementIds",
                    "—",
                    new Localized("unavailable.none"));
        }
        List<Long> sorted = new ArrayList<>(new LinkedHashSet<>(ids));
        sorted.sort(Comparator.naturalOrder());
        List<Requirement> reqs = new ArrayList<>();
        for (Long rid : sorted) {
            Requirement r = em.find(Requirement.class, rid, LockModeType.PESSIMISTIC_WRITE);
            boolean ownUnit = r != null && r.getUnit().getId().equals(me.organisationId());
            if (r == null
                    || (!agency && !ownUnit)
                    || (agency && r.getState() == RequirementState.DRAFT)) {
                if (r != null) {
                    audit.recordRefusal(
                            "ACCESS_DENIED",
                            "Requirement",
                            r.getReference(),
                            null,
                            "not the caller's to put into a project");
                }
                throw new Refusal(
                        ProblemCode.REQUIREMENT_NOT_FOUND, "requirementIds", String.valueOf(rid));
            }
            if (r.getState() != RequirementState.APPROVED) {
                throw unavailable(r, new Localized("unavailable.notApproved"));
            }
            if (!agency && r.isCentralised()) {
                throw unavailable(r, new Localized("unavailable.centralised"));
            }
            Optional<String> other =
                    em.createQuery(
                                    "SELECT p.reference FROM Project p JOIN p.requirements r"
                                            + " WHERE r.id = :r AND p.state <> :terminated",
                                    String.class)
                            .setParameter("r", r.getId())
                            .setParameter("terminated", ProjectState.TERMINATED)
                            .getResultStream()
                            .filter(ref -> self == null || !ref.equals(self.getReference()))
                            .findFirst();
            if (other.isPresent()) {
                throw unavailable(r, new Localized("unavailable.inProject", other.get()));
            }
            if (!reqs.isEmpty()) {
                Requirement first = reqs.get(0);
                if (!first.getUnit().getId().equals(r.getUnit().getId())) {
                    throw new Refusal(
                            ProblemCode.PROJECT_REQUIREMENTS_MIXED,
                            "requirementIds",
                            first.getUnit().getName(),
                            r.getUnit().getName());
                }
                if (!first.getCategory().equals(r.getCategory())) {
                    throw new Refusal(
                            ProblemCode.PROJECT_REQUIREMENTS_MIXED,
                            "requirementIds",
                            new Localized("category." + first.getCategory()),
                            new Localized("category." + r.getCategory()));
                }
            }
            reqs.add(r);
        }
        return reqs;
    }

    private static Refusal unavailable(Requirement r, Localized why) {
        return new Refusal(
                ProblemCode.PROJECT_REQUIREMENT_UNAVAILABLE,
                "requirementIds",
                r.getReference(),
                why);
    }

    private static void requireAfter(Instant deadline, Instant now, String field) {
        if (!deadline.isAfter(now)) {
            throw new Refusal(
                    ProblemCode.PROJECT_DEADLINE_INVALID,
                    field,
                    deadline.toString(),
                    now.toString());
        }
    }

    private static void requireAuctionStart(Instant enrolmentClose, Instant start) {
        if (start == null || start.isBefore(enrolmentClose)) {
            throw new Refusal(
                    ProblemCode.AUCTION_START_INVALID, "auctionStart", enrolmentClose.toString());
        }
    }

    private PublishedNotice lastNotice(Project p) {
        List<PublishedNotice> all = notices.ofProject(p.getId());
        return all.get(all.size() - 1);
    }

    private List<ProjectDocument> documents(Project p) {
        return em.createQuery(
                        "SELECT d FROM ProjectDocument d WHERE d.project = :p ORDER BY d.id",
                        ProjectDocument.class)
                .setParameter("p", p)
                .getResultList();
    }

    private ProjectView view(Project p) {
        return ProjectView.of(p, documents(p), notices.ofProject(p.getId()));
    }

    /** The project, locked, when the caller manages it; else "not found", audited. */
    private Project managed(long id, Account me) {
        Project p = em.find(Project.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw new Refusal(ProblemCode.PROJECT_NOT_FOUND, null, String.valueOf(id));
        }
        if (!isManager(p, me)) {
            audit.recordRefusal(
                    "ACCESS_DENIED", SUBJECT, p.getReference(), null, "not the caller's project");
            throw new Refusal(ProblemCode.PROJECT_NOT_FOUND, null, String.valueOf(id));
        }
        return p;
    }

    private boolean isManager(Project p, Account me) {
        if (!p.getAgency().getId().equals(me.organisationId())) {
            return false;
        }
        boolean selfRun = p.getAgency().getId().equals(p.getBuyer().getId());
        return selfRun ? session.isCallerInRole("PURCHASER") : session.isCallerInRole("AGENCY");
    }

    private Project readable(long id, Account me) {
        Project p = em.find(Project.class, id);
        if (p == null) {
            throw new Refusal(ProblemCode.PROJECT_NOT_FOUND, null, String.valueOf(id));
        }
        boolean ok =
                seesAll()
                        || p.getAgency().getId().equals(me.organisationId())
                        || p.getBuyer().getId().equals(me.organisationId())
                        || (session.isCallerInRole("SUPPLIER")
                                && p.getState() != ProjectState.DRAFT);
        if (!ok) {
            audit.recordRefusal(
                    "ACCESS_DENIED", SUBJECT, p.getReference(), null, "not the caller's to see");
            throw new Refusal(ProblemCode.PROJECT_NOT_FOUND, null, String.valueOf(id));
        }
        return p;
    }

    private boolean seesAll() {
        return session.isCallerInRole("FINANCE")
                || session.isCallerInRole("SUPERVISOR")
                || session.isCallerInRole("ADMIN");
    }

    private static void requireState(Project p, String action, ProjectState allowed) {
        if (p.getState() != allowed) {
            throw new Refusal(
                    ProblemCode.PROJECT_STATE_INVALID,
                    "state",
                    p.getReference(),
                    new Localized("state." + p.getState().name()),
                    new Localized(action));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformClock.SHANGHAI));
    }

    private DocumentStore store() {
        return DocumentStore.area(storageDir, "procurement");
    }

    private static String text(String value, int min, int max, String field) {
        String v = value == null ? "" : value.strip();
        if (v.length() < min || v.length() > max) {
            throw textRefusal(field, min, max);
        }
        if (v.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\t')) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        return v.isEmpty() ? null : v;
    }

    private static Refusal textRefusal(String field, int min, int max) {
        return new Refusal(
                ProblemCode.TEXT_LENGTH_INVALID,
                field,
                new Localized("field." + field),
                Math.max(min, 1),
                max);
    }

    private Account caller() {
        return directory
                .findAccount(session.getCallerPrincipal().getName())
                .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
    }
}

package io.sunshine.procurement.requirement.boundary;

import io.sunshine.budget.boundary.Budget;
import io.sunshine.budget.boundary.BudgetLineView;
import io.sunshine.budget.entity.BudgetLine;
import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Catalogue;
import io.sunshine.directory.boundary.CatalogueItemView;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.boundary.WorkQueue;
import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.notice.boundary.Notices;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.requirement.control.Category;
import io.sunshine.procurement.requirement.control.IntentionRule;
import io.sunshine.procurement.requirement.control.Items;
import io.sunshine.procurement.requirement.control.MethodDecision;
import io.sunshine.procurement.requirement.entity.ProcurementIntention;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.procurement.requirement.entity.Requirement;
import io.sunshine.procurement.requirement.entity.RequirementItem;
import io.sunshine.procurement.requirement.entity.RequirementState;
import io.sunshine.supervision.boundary.AuditTrail;
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
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stage 1, 需求确定: a purchasing unit drafts a requirement against its own budget line and submits it
 * (the amount is frozen on the line); FINANCE approves the procurement plan (the intention notice
 * is prepared) or returns it with a reason (the freeze is released); the unit publishes the
 * intention at least 30 days before the procurement starts.
 */
@Stateless
@DeclareRoles({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN"})
public class Requirements {
    static final String SUBJECT = "Requirement";
    static final String WORK_APPROVE = "work.plan.approve";
    static final String WORK_REVISE = "work.requirement.revise";
    static final String WORK_PUBLISH = "work.intention.publish";
    private static final ZoneId SHANGHAI = PlatformClock.SHANGHAI;

    @PersistenceContext EntityManager em;
    @EJB Budget budget;
    @EJB Directory directory;
    @EJB Catalogue catalogue;
    @EJB ProcurementRules rules;
    @EJB AuditTrail audit;
    @EJB WorkQueue work;
    @EJB Notices notices;
    @Resource SessionContext session;
    @Inject Clock clock;

    /** The methods the rule table allows for items of these codes and this total. */
    @PermitAll
    public MethodDecision methodsFor(Category category, BigDecimal total, List<String> codes) {
        return rules.current().decide(category, total, codes);
    }

    @RolesAllowed("PURCHASER")
    public RequirementView create(RequirementDraft draft) {
        Account me = caller();
        Organisation unit = em.find(Organisation.class, me.organisationId());
        if (unit.getType() != OrganisationType.PURCHASING_UNIT) {
            throw new Refusal(ProblemCode.BUDGET_UNIT_INVALID, null, unit.getName());
        }
        Requirement r = new Requirement(unit, clock.instant(), me.username());
        apply(r, draft, me);
        em.persist(r);
        r.assignReference(LocalDate.now(clock.withZone(SHANGHAI)).getYear());
        replaceItems(r, Items.check(draft.items()));
        em.flush();
        audit.record(
                "REQUIREMENT_DRAFTED",
                SUBJECT,
                r.getReference(),
                null,
                "title=" + r.getTitle() + "; total=" + r.getTotal());
        return RequirementView.of(r, null, true);
    }

    @RolesAllowed("PURCHASER")
    public RequirementView update(long id, RequirementDraft draft) {
        Account me = caller();
        Requirement r = own(id, me);
        requireState(r, "edit", RequirementState.DRAFT, RequirementState.RETURNED);
        String before = "title=" + r.getTitle() + "; total=" + r.getTotal();
        apply(r, draft, me);
        replaceItems(r, Items.check(draft.items()));
        em.flush();
        audit.record(
                "REQUIREMENT_CHANGED",
                SUBJECT,
                r.getReference(),
                before,
                "title=" + r.getTitle() + "; total=" + r.getTotal());
        return RequirementView.of(r, null, true);
    }

    /** Checks the draft and writes it into the requirement (items are replaced separately). */
    private void apply(Requirement r, RequirementDraft d, Account me) {
        String title = text(d.title(), 1, 200, "title");
        String summary = text(d.summary(), 0, 2000, "summary");
        if (d.budgetLineId() == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "budgetLineId", "budgetLineId");
        }
        BudgetLineView lineView = budget.lineOfUnit(d.budgetLineId(), me.organisationId());
        BudgetLine line = em.find(BudgetLine.class, lineView.id());
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        if (d.plannedStart() == null
                || d.plannedStart().isBefore(today)
                || d.plannedStart().isAfter(today.plusYears(2))) {
            throw new Refusal(
                    ProblemCode.PLANNED_START_INVALID,
                    "plannedStart",
                    d.plannedStart() == null ? "—" : d.plannedStart().toString());
        }
        Items.Result items = Items.check(d.items());
        checkCatalogue(items);
        MethodDecision decision = methodsFor(items.category(), items.total(), codes(items));
        decision.check(d.method(), items.total(), items.category());
        String reason = text(d.methodReason(), 0, 500, "methodReason");
        if (d.method() == ProcurementMethod.SINGLE_SOURCE && reason == null) {
            throw new Refusal(ProblemCode.METHOD_REASON_REQUIRED, "methodReason");
        }
        r.describe(
                title,
                summary,
                line,
                items.category().name(),
                d.method(),
                reason,
                decision.centralised(),
                items.total(),
                d.plannedStart());
    }

    private static List<String> codes(Items.Result items) {
        return items.items().stream().map(c -> c.item().catalogueCode()).toList();
    }

    /** Every item's code must be an active entry of the catalogue. */
    private void checkCatalogue(Items.Result items) {
        for (int i = 0; i < items.items().size(); i++) {
            String code = items.items().get(i).item().catalogueCode();
            Optional<CatalogueItemView> found = catalogue.find(code);
            if (found.isEmpty() || !found.get().active()) {
                throw new Refusal(
                        ProblemCode.CATALOGUE_CODE_UNKNOWN,
                        "items[" + i + "].catalogueCode",
                        code,
                        i + 1);
            }
        }
    }

    private void replaceItems(Requirement r, Items.Result items) {
        if (!r.getItems().isEmpty()) {
            r.getItems().forEach(em::remove);
            r.getItems().clear();
            em.flush(); // free the (requirement, line_no) pairs before the new items take them
        }
        addItems(em, r, items);
    }

    /** Numbers the checked items 1, 2, … and persists them with the requirement. */
    static void addItems(EntityManager em, Requirement r, Items.Result items) {
        int no = r.getItems().size() + 1;
        for (Items.Checked c : items.items()) {
            RequirementItem item =
                    new RequirementItem(
                            r,
                            no++,
                            c.item().catalogueCode(),
                            c.item().name(),
                            c.item().specification(),
                            c.item().quantity(),
                            c.item().unit(),
                            c.item().unitPrice(),
                            c.amount());
            r.getItems().add(item);
            em.persist(item);
        }
    }

    /**
     * Submits a draft (or a returned plan) for approval: re-checks the method against the table in
     * force and freezes the total on the budget line, refused if its free balance is short.
     */
    @RolesAllowed("PURCHASER")
    public RequirementView submit(long id) {
        Account me = caller();
        Requirement r = own(id, me);
        requireState(r, "submit", RequirementState.DRAFT, RequirementState.RETURNED);
        RequirementState before = r.getState();
        Category category = Category.valueOf(r.getCategory());
        List<String> codes = r.getItems().stream().map(RequirementItem::getCatalogueCode).toList();
        methodsFor(category, r.getTotal(), codes).check(r.getMethod(), r.getTotal(), category);
        budget.freeze(
                r.getBudgetLine().getId(),
                me.organisationId(),
                Money.of(r.getTotal()),
                SUBJECT,
                r.getReference(),
                r.getTitle());
        r.submitted(clock.instant());
        work.add(
                "FINANCE",
                null,
                null,
                WORK_APPROVE,
                SUBJECT,
                String.valueOf(r.getId()),
                r.getReference() + " " + r.getTitle() + " · " + r.getUnit().getName(),
                null);
        work.complete(WORK_REVISE, SUBJECT, String.valueOf(r.getId()));
        audit.record(
                "REQUIREMENT_SUBMITTED",
                SUBJECT,
                r.getReference(),
                "state=" + before,
                "state=SUBMITTED; frozen="
                        + r.getTotal()
                        + "; line="
                        + r.getBudgetLine().getCode());
        return RequirementView.of(r, null, true);
    }

    /** FINANCE approves the plan; the intention notice is prepared for the unit to publish. */
    @RolesAllowed("FINANCE")
    public RequirementView approve(long id, String note) {
        Requirement r = locked(id);
        requireState(r, "approve", RequirementState.SUBMITTED);
        Category category = Category.valueOf(r.getCategory());
        List<String> codes = r.getItems().stream().map(RequirementItem::getCatalogueCode).toList();
        methodsFor(category, r.getTotal(), codes).check(r.getMethod(), r.getTotal(), category);
        String n = text(note, 0, 500, "note");
        r.approved(clock.instant(), callerName(), n);
        ProcurementIntention intention =
                new ProcurementIntention(
                        r,
                        r.getUnit().getName(),
                        r.getTitle(),
                        intentionSummary(r),
                        r.getTotal(),
                        r.getPlannedStart(),
                        clock.instant());
        em.persist(intention);
        work.complete(WORK_APPROVE, SUBJECT, String.valueOf(r.getId()));
        work.add(
                "PURCHASER",
                r.getUnit().getId(),
                null,
                WORK_PUBLISH,
                SUBJECT,
                String.valueOf(r.getId()),
                r.getReference() + " " + r.getTitle(),
                IntentionRule.latestPublication(r.getPlannedStart())
                        .plusDays(1)
                        .atStartOfDay(SHANGHAI)
                        .toInstant());
        audit.record(
                "PLAN_APPROVED",
                SUBJECT,
                r.getReference(),
                "state=SUBMITTED",
                "state=APPROVED; method=" + r.getMethod() + (n == null ? "" : "; note=" + n));
        return RequirementView.of(r, intention, true);
    }

    /** The summary the intention shows: the stated summary, else the items with quantities. */
    private static String intentionSummary(Requirement r) {
        if (r.getSummary() != null && !r.getSummary().isBlank()) {
            return r.getSummary();
        }
        String items =
                r.getItems().stream()
                        .map(
                                i ->
                                        i.getName()
                                                + " "
                                                + i.getQuantity()
                                                        .stripTrailingZeros()
                                                        .toPlainString()
                                                + i.getUnit())
                        .collect(Collectors.joining("；"));
        return items.length() <= 2000 ? items : items.substring(0, 1997) + "...";
    }

    /** FINANCE returns the plan with a reason; the freeze is released. */
    @RolesAllowed("FINANCE")
    public RequirementView returnPlan(long id, String reason) {
        String why = reasonText(reason);
        Requirement r = locked(id);
        requireState(r, "return", RequirementState.SUBMITTED);
        budget.release(
                r.getBudgetLine().getId(),
                Money.of(r.getFrozenAmount()),
                SUBJECT,
                r.getReference(),
                why);
        r.returned(clock.instant(), callerName(), why);
        work.complete(WORK_APPROVE, SUBJECT, String.valueOf(r.getId()));
        work.add(
                "PURCHASER",
                r.getUnit().getId(),
                null,
                WORK_REVISE,
                SUBJECT,
                String.valueOf(r.getId()),
                r.getReference() + " " + r.getTitle(),
                null);
        audit.record(
                "PLAN_RETURNED",
                SUBJECT,
                r.getReference(),
                "state=SUBMITTED",
                "state=RETURNED; released=" + r.getTotal() + "; reason=" + why);
        return RequirementView.of(r, null, true);
    }

    /** The unit withdraws a requirement before approval; a freeze is released. */
    @RolesAllowed("PURCHASER")
    public RequirementView cancel(long id) {
        Account me = caller();
        Requirement r = own(id, me);
        requireState(
                r,
                "cancel",
                RequirementState.DRAFT,
                RequirementState.RETURNED,
                RequirementState.SUBMITTED);
        RequirementState before = r.getState();
        if (before == RequirementState.SUBMITTED) {
            budget.release(
                    r.getBudgetLine().getId(),
                    Money.of(r.getFrozenAmount()),
                    SUBJECT,
                    r.getReference(),
                    null);
        }
        r.cancelled();
        work.complete(WORK_APPROVE, SUBJECT, String.valueOf(r.getId()));
        work.complete(WORK_REVISE, SUBJECT, String.valueOf(r.getId()));
        audit.record(
                "REQUIREMENT_CANCELLED",
                SUBJECT,
                r.getReference(),
                "state=" + before,
                "state=CANCELLED");
        return RequirementView.of(r, null, true);
    }

    /**
     * Publishes the intention notice of an approved plan, at least 30 days before the planned
     * start. The unit may move the planned start later in the same step.
     */
    @RolesAllowed("PURCHASER")
    public RequirementView publishIntention(long id, LocalDate newPlannedStart) {
        Account me = caller();
        Requirement r = own(id, me);
        ProcurementIntention intention = intentionOf(r);
        if (r.getState() != RequirementState.APPROVED
                || intention == null
                || intention.isPublished()) {
            throw new Refusal(ProblemCode.INTENTION_STATE_INVALID, null, r.getReference());
        }
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        LocalDate start = r.getPlannedStart();
        if (newPlannedStart != null && !newPlannedStart.equals(start)) {
            if (newPlannedStart.isBefore(today) || newPlannedStart.isAfter(today.plusYears(2))) {
                throw new Refusal(
                        ProblemCode.PLANNED_START_INVALID,
                        "plannedStart",
                        newPlannedStart.toString());
            }
            start = newPlannedStart;
        }
        IntentionRule.checkPublication(today, start);
        if (!start.equals(r.getPlannedStart())) {
            audit.record(
                    "REQUIREMENT_RESCHEDULED",
                    SUBJECT,
                    r.getReference(),
                    "plannedStart=" + r.getPlannedStart(),
                    "plannedStart=" + start);
            r.reschedule(start);
            intention.reschedule(start);
        }
        Instant now = clock.instant();
        intention.published(now, me.username());
        PublishedNotice notice = notices.intention(r, intention, now, me.username());
        work.complete(WORK_PUBLISH, SUBJECT, String.valueOf(r.getId()));
        audit.record(
                "INTENTION_PUBLISHED",
                "ProcurementIntention",
                r.getReference(),
                "state=PREPARED",
                "state=PUBLISHED; plannedStart=" + start + "; notice=" + notice.getNoticeNo());
        return RequirementView.of(r, intention, true);
    }

    /** Published intentions, newest first: public, no sign-in. */
    @PermitAll
    public List<RequirementView.Intention> publishedIntentions(int max) {
        return em.createQuery(
                        "SELECT i FROM ProcurementIntention i WHERE i.state = :s ORDER BY"
                                + " i.publishedAt DESC",
                        ProcurementIntention.class)
                .setParameter("s", ProcurementIntention.PUBLISHED)
                .setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultStream()
                .map(RequirementView.Intention::of)
                .toList();
    }

    /**
     * The requirements the caller may see: a unit its own; FINANCE, SUPERVISOR and ADMIN every
     * submitted or decided one (drafts are the unit's own business); AGENCY the approved plans.
     */
    @RolesAllowed({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN"})
    public List<RequirementView> list(RequirementState state) {
        Account me = caller();
        StringBuilder jpql = new StringBuilder("SELECT r FROM Requirement r WHERE 1 = 1");
        boolean ownUnit = !seesAll() && !session.isCallerInRole("AGENCY");
        if (ownUnit) {
            jpql.append(" AND r.unit.id = :unit");
        } else if (session.isCallerInRole("AGENCY") && !seesAll()) {
            jpql.append(" AND r.state = :approved");
        } else {
            jpql.append(" AND r.state <> :draft");
        }
        if (state != null) {
            jpql.append(" AND r.state = :state");
        }
        jpql.append(" ORDER BY r.createdAt DESC");
        TypedQuery<Requirement> q = em.createQuery(jpql.toString(), Requirement.class);
        if (ownUnit) {
            q.setParameter("unit", me.organisationId());
        } else if (session.isCallerInRole("AGENCY") && !seesAll()) {
            q.setParameter("approved", RequirementState.APPROVED);
        } else {
            q.setParameter("draft", RequirementState.DRAFT);
        }
        if (state != null) {
            q.setParameter("state", state);
        }
        List<Requirement> found = q.setMaxResults(1000).getResultList();
        Map<Long, ProcurementIntention> intentions = intentionsOf(found);
        return found.stream()
                .map(r -> RequirementView.of(r, intentions.get(r.getId()), false))
                .toList();
    }

    private Map<Long, ProcurementIntention> intentionsOf(List<Requirement> found) {
        if (found.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(
                        "SELECT i FROM ProcurementIntention i WHERE i.requirement IN :rs",
                        ProcurementIntention.class)
                .setParameter("rs", found)
                .getResultStream()
                .collect(Collectors.toMap(i -> i.getRequirement().getId(), Function.identity()));
    }

    /** One requirement with its items; what the caller may not see is "not found", audited. */
    @RolesAllowed({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN"})
    public RequirementView get(long id) {
        Requirement r = em.find(Requirement.class, id);
        if (r == null) {
            throw new Refusal(ProblemCode.REQUIREMENT_NOT_FOUND, null, String.valueOf(id));
        }
        if (!maySee(r)) {
            audit.recordRefusal(
                    "ACCESS_DENIED", SUBJECT, r.getReference(), null, "not the caller's to see");
            throw new Refusal(ProblemCode.REQUIREMENT_NOT_FOUND, null, String.valueOf(id));
        }
        return RequirementView.of(r, intentionOf(r), true);
    }

    private boolean maySee(Requirement r) {
        if (session.isCallerInRole("PURCHASER")
                && r.getUnit().getId().equals(caller().organisationId())) {
            return true;
        }
        if (seesAll()) {
            return r.getState() != RequirementState.DRAFT;
        }
        return session.isCallerInRole("AGENCY") && r.getState() == RequirementState.APPROVED;
    }

    private ProcurementIntention intentionOf(Requirement r) {
        return em.createQuery(
                        "SELECT i FROM ProcurementIntention i WHERE i.requirement = :r",
                        ProcurementIntention.class)
                .setParameter("r", r)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private boolean seesAll() {
        return session.isCallerInRole("FINANCE")
                || session.isCallerInRole("SUPERVISOR")
                || session.isCallerInRole("ADMIN");
    }

    /** The caller's unit's requirement, locked; another unit's is "not found", audited. */
    private Requirement own(long id, Account me) {
        Requirement r = em.find(Requirement.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new Refusal(ProblemCode.REQUIREMENT_NOT_FOUND, null, String.valueOf(id));
        }
        if (!r.getUnit().getId().equals(me.organisationId())) {
            audit.recordRefusal(
                    "ACCESS_DENIED", SUBJECT, r.getReference(), null, "another unit's requirement");
            throw new Refusal(ProblemCode.REQUIREMENT_NOT_FOUND, null, String.valueOf(id));
        }
        return r;
    }

    private Requirement locked(long id) {
        Requirement r = em.find(Requirement.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.getState() == RequirementState.DRAFT) {
            throw new Refusal(ProblemCode.REQUIREMENT_NOT_FOUND, null, String.valueOf(id));
        }
        return r;
    }

    private static void requireState(Requirement r, String action, RequirementState... allowed) {
        for (RequirementState s : allowed) {
            if (r.getState() == s) {
                return;
            }
        }
        throw new Refusal(
                ProblemCode.REQUIREMENT_STATE_INVALID,
                "state",
                r.getReference(),
                new Localized("state." + r.getState().name()),
                new Localized("action." + action));
    }

    private Account caller() {
        return directory
                .findAccount(callerName())
                .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
    }

    private String callerName() {
        return session.getCallerPrincipal().getName();
    }

    private static String reasonText(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new Refusal(ProblemCode.REASON_REQUIRED, "reason");
        }
        return reason.strip();
    }

    private static String text(String value, int min, int max, String field) {
        String v = value == null ? "" : value.strip();
        if (v.length() < min || v.length() > max) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        if (v.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\t')) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        return v.isEmpty() ? null : v;
    }
}

package io.sunshine.budget.boundary;

import io.sunshine.budget.control.Amounts;
import io.sunshine.budget.control.Balance;
import io.sunshine.budget.control.Classification;
import io.sunshine.budget.control.Ledger;
import io.sunshine.budget.entity.BudgetEntry;
import io.sunshine.budget.entity.BudgetLine;
import io.sunshine.budget.entity.EntryKind;
import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The budget subsystem: lines (预算指标) and their ledger. FINANCE creates and adjusts lines; the
 * procurement subsystem freezes and releases amounts for requirements; payment spends them. Every
 * movement locks its line (SELECT … FOR UPDATE) before it reads the balance, so two movements on
 * one line never both see the same free balance; the ledger's constraints refuse the write if
 * anything got past that.
 */
@Stateless
@DeclareRoles({"FINANCE", "PURCHASER", "SUPERVISOR", "ADMIN"})
public class Budget {
    static final String LINE = "BudgetLine";

    @PersistenceContext EntityManager em;
    @EJB AuditTrail audit;
    @EJB Directory directory;
    @Resource SessionContext session;
    @Inject Clock clock;

    /** A line with every movement, oldest first. */
    public record LineDetail(BudgetLineView line, List<BudgetEntryView> entries) {}

    @RolesAllowed("FINANCE")
    public BudgetLineView createLine(NewBudgetLine n) {
        int thisYear = LocalDate.now(clock.withZone(PlatformClock.SHANGHAI)).getYear();
        if (n.fiscalYear() < thisYear - 1 || n.fiscalYear() > thisYear + 1) {
            throw new Refusal(
                    ProblemCode.BUDGET_YEAR_INVALID, "fiscalYear", String.valueOf(n.fiscalYear()));
        }
        String code = text(n.code(), 40, "code");
        String name = text(n.name(), 200, "name");
        String functional = Classification.functional(n.functionalCode());
        String economic = Classification.economic(n.economicCode());
        if (n.fundingSource() == null) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "fundingSource", "fundingSource");
        }
        if (n.approved() == null || n.approved().isZero() || n.approved().isNegative()) {
            throw new Refusal(
                    ProblemCode.AMOUNT_INVALID,
                    "approved",
                    n.approved() == null ? "" : n.approved().toString());
        }
        Organisation unit = em.find(Organisation.class, n.unitId());
        if (unit == null) {
            throw new Refusal(
                    ProblemCode.ORGANISATION_NOT_FOUND, "unitId", String.valueOf(n.unitId()));
        }
        if (unit.getType() != OrganisationType.PURCHASING_UNIT) {
            throw new Refusal(ProblemCode.BUDGET_UNIT_INVALID, "unitId", unit.getName());
        }
        long same =
                em.createQuery(
                                "SELECT COUNT(l) FROM BudgetLine l WHERE l.fiscalYear = :y AND"
                                        + " l.code = :c",
                                Long.class)
                        .setParameter("y", n.fiscalYear())
                        .setParameter("c", code)
                        .getSingleResult();
        if (same > 0) {
            throw new Refusal(
                    ProblemCode.BUDGET_LINE_CODE_TAKEN,
                    "code",
                    String.valueOf(n.fiscalYear()),
                    code);
        }
        BudgetLine line =
                new BudgetLine(
                        n.fiscalYear(),
                        code,
                        name,
                        unit,
                        functional,
                        economic,
                        n.fundingSource(),
                        clock.instant(),
                        callerName());
        em.persist(line);
        BudgetEntry first =
                append(line, EntryKind.APPROPRIATION, n.approved().amount(), null, null, null);
        audit.record(
                "BUDGET_LINE_CREATED",
                LINE,
                String.valueOf(line.getId()),
                null,
                "year="
                        + line.getFiscalYear()
                        + "; code="
                        + code
                        + "; unit="
                        + unit.getName()
                        + "; approved="
                        + n.approved());
        return BudgetLineView.of(line, first);
    }

    /** Raises or lowers the approved amount of a line, with a reason. */
    @RolesAllowed("FINANCE")
    public BudgetLineView adjust(long lineId, boolean increase, Money amount, String reason) {
        String why = reason(reason);
        BudgetLine line = lock(lineId);
        BigDecimal delta = increase ? amount.amount() : amount.amount().negate();
        BudgetEntry last = last(line);
        BudgetEntry e = append(line, EntryKind.ADJUSTMENT, delta, null, null, why);
        audit.record(
                "BUDGET_LINE_ADJUSTED",
                LINE,
                String.valueOf(lineId),
                describe(last.balanceAfter()),
                describe(e.balanceAfter()) + "; change=" + delta.toPlainString() + "; " + why);
        return BudgetLineView.of(line, e);
    }

    /**
     * Sets an amount of a line aside for a procurement (冻结). The line must belong to {@code
     * unitId}, the caller's unit; a line of another unit is "not found".
     */
    @RolesAllowed("PURCHASER")
    public BudgetEntryView freeze(
            long lineId,
            long unitId,
            Money amount,
            String referenceType,
            String referenceId,
            String note) {
        BudgetLine line = lock(lineId);
        if (!line.getUnit().getId().equals(unitId)) {
            throw new Refusal(
                    ProblemCode.BUDGET_LINE_NOT_FOUND, "budgetLineId", String.valueOf(lineId));
        }
        return move(line, EntryKind.FREEZE, amount, referenceType, referenceId, note);
    }

    /** Gives a frozen amount back (解冻): a requirement returned or cancelled. */
    @RolesAllowed({"PURCHASER", "FINANCE"})
    public BudgetEntryView release(
            long lineId, Money amount, String referenceType, String referenceId, String note) {
        return move(lock(lineId), EntryKind.RELEASE, amount, referenceType, referenceId, note);
    }

    /** Pays a frozen amount out (支出). */
    @RolesAllowed("FINANCE")
    public BudgetEntryView spend(
            long lineId, Money amount, String referenceType, String referenceId, String note) {
        return move(lock(lineId), EntryKind.SPEND, amount, referenceType, referenceId, note);
    }

    private BudgetEntryView move(
            BudgetLine line,
            EntryKind kind,
            Money amount,
            String referenceType,
            String referenceId,
            String note) {
        BudgetEntry last = last(line);
        BudgetEntry e = append(line, kind, amount.amount(), referenceType, referenceId, note);
        audit.record(
                "BUDGET_" + kind.name(),
                LINE,
                String.valueOf(line.getId()),
                describe(last.balanceAfter()),
                describe(e.balanceAfter())
                        + "; amount="
                        + amount
                        + (referenceType == null
                                ? ""
                                : "; for=" + referenceType + " " + referenceId));
        return BudgetEntryView.of(e);
    }

    /** The lines the caller may see: all for FINANCE, SUPERVISOR, ADMIN; a unit's own otherwise. */
    @RolesAllowed({"FINANCE", "PURCHASER", "SUPERVISOR", "ADMIN"})
    public List<BudgetLineView> lines(Integer fiscalYear) {
        Long unit = seesAll() ? null : caller().organisationId();
        StringBuilder jpql =
                new StringBuilder(
                        "SELECT l, e, u FROM BudgetLine l JOIN l.unit u, BudgetEntry e WHERE e.line"
                                + " = l AND e.entryNo = l.entryCount");
        if (unit != null) {
            jpql.append(" AND u.id = :unit");
        }
        if (fiscalYear != null) {
            jpql.append(" AND l.fiscalYear = :year");
        }
        jpql.append(" ORDER BY l.fiscalYear DESC, u.name, l.code");
        TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
        if (unit != null) {
            q.setParameter("unit", unit);
        }
        if (fiscalYear != null) {
            q.setParameter("year", fiscalYear);
        }
        return q.setMaxResults(2000)
                .getResultStream()
                .map(r -> BudgetLineView.of((BudgetLine) r[0], (BudgetEntry) r[1]))
                .toList();
    }

    /** One line with its movements; another unit's line is refused as not found, and audited. */
    @RolesAllowed({"FINANCE", "PURCHASER", "SUPERVISOR", "ADMIN"})
    public LineDetail line(long lineId) {
        BudgetLine line = visible(lineId);
        List<BudgetEntryView> entries =
                em.createQuery(
                                "SELECT e FROM BudgetEntry e WHERE e.line = :l ORDER BY e.entryNo",
                                BudgetEntry.class)
                        .setParameter("l", line)
                        .getResultStream()
                        .map(BudgetEntryView::of)
                        .toList();
        return new LineDetail(BudgetLineView.of(line, last(line)), entries);
    }

    /** Re-derives every entry of a line; the number of the first that disagrees, if any. */
    @RolesAllowed({"FINANCE", "SUPERVISOR", "ADMIN"})
    public Optional<Integer> verify(long lineId) {
        BudgetLine line = visible(lineId);
        return Ledger.firstInconsistency(
                em.createQuery(
                                "SELECT e FROM BudgetEntry e WHERE e.line = :l ORDER BY e.entryNo",
                                BudgetEntry.class)
                        .setParameter("l", line)
                        .getResultStream()
                        .map(
                                e ->
                                        new Ledger.Movement(
                                                e.getEntryNo(),
                                                e.getKind(),
                                                e.getAmount(),
                                                e.balanceAfter()))
                        .toList());
    }

    /**
     * A line the caller may use for its own requirement (its unit's), or a refusal as not found.
     */
    @RolesAllowed({"PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public BudgetLineView lineOfUnit(long lineId, long unitId) {
        BudgetLine line = em.find(BudgetLine.class, lineId);
        if (line == null || !line.getUnit().getId().equals(unitId)) {
            throw new Refusal(
                    ProblemCode.BUDGET_LINE_NOT_FOUND, "budgetLineId", String.valueOf(lineId));
        }
        return BudgetLineView.of(line, last(line));
    }

    private BudgetLine visible(long lineId) {
        BudgetLine line = em.find(BudgetLine.class, lineId);
        if (line == null) {
            throw new Refusal(ProblemCode.BUDGET_LINE_NOT_FOUND, "lineId", String.valueOf(lineId));
        }
        if (!seesAll() && !line.getUnit().getId().equals(caller().organisationId())) {
            audit.recordRefusal(
                    "ACCESS_DENIED",
                    LINE,
                    String.valueOf(lineId),
                    null,
                    "another unit's budget line");
            throw new Refusal(ProblemCode.BUDGET_LINE_NOT_FOUND, "lineId", String.valueOf(lineId));
        }
        return line;
    }

    private boolean seesAll() {
        return session.isCallerInRole("FINANCE")
                || session.isCallerInRole("SUPERVISOR")
                || session.isCallerInRole("ADMIN");
    }

    private Account caller() {
        return directory
                .findAccount(session.getCallerPrincipal().getName())
                .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
    }

    private String callerName() {
        return session.getCallerPrincipal().getName();
    }

    private BudgetLine lock(long lineId) {
        return LedgerWriter.lock(em, lineId);
    }

    private BudgetEntry last(BudgetLine line) {
        return LedgerWriter.last(em, line);
    }

    private BudgetEntry append(
            BudgetLine line,
            EntryKind kind,
            BigDecimal amount,
            String referenceType,
            String referenceId,
            String note) {
        return LedgerWriter.append(
                em,
                line,
                kind,
                amount,
                referenceType,
                referenceId,
                note,
                clock.instant(),
                callerName());
    }

    private static String describe(Balance b) {
        return "approved="
                + Amounts.format(b.approved())
                + "; frozen="
                + Amounts.format(b.frozen())
                + "; spent="
                + Amounts.format(b.spent())
                + "; free="
                + Amounts.format(b.free());
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new Refusal(ProblemCode.REASON_REQUIRED, "reason");
        }
        return reason.strip();
    }

    private static String text(String value, int max, String field) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        String v = value.strip();
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        return v;
    }
}

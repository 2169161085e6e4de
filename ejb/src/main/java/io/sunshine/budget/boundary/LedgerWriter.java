package io.sunshine.budget.boundary;

import io.sunshine.budget.control.Balance;
import io.sunshine.budget.entity.BudgetEntry;
import io.sunshine.budget.entity.BudgetLine;
import io.sunshine.budget.entity.EntryKind;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The one way an entry reaches the ledger: lock the line (SELECT … FOR UPDATE), read its last
 * entry, apply the movement (refused if the free balance would go below zero), append. Used by
 * {@link Budget} for callers and by the demo loader; not an EJB, so it is no entry point.
 */
public final class LedgerWriter {
    private LedgerWriter() {}

    /** The line, locked for the rest of the transaction. */
    public static BudgetLine lock(EntityManager em, long lineId) {
        BudgetLine line = em.find(BudgetLine.class, lineId, LockModeType.PESSIMISTIC_WRITE);
        if (line == null) {
            throw new Refusal(
                    ProblemCode.BUDGET_LINE_NOT_FOUND, "budgetLineId", String.valueOf(lineId));
        }
        return line;
    }

    /** The entry that carries the line's current balances. */
    public static BudgetEntry last(EntityManager em, BudgetLine line) {
        return em.createQuery(
                        "SELECT e FROM BudgetEntry e WHERE e.line = :l AND e.entryNo = :n",
                        BudgetEntry.class)
                .setParameter("l", line)
                .setParameter("n", line.getEntryCount())
                .getSingleResult();
    }

    /** Appends a movement to a line the caller has locked (or has just created). */
    public static BudgetEntry append(
            EntityManager em,
            BudgetLine line,
            EntryKind kind,
            BigDecimal amount,
            String referenceType,
            String referenceId,
            String note,
            Instant at,
            String by) {
        Balance before = line.getEntryCount() == 0 ? Balance.NONE : last(em, line).balanceAfter();
        Balance after = before.apply(kind, amount, line.getCode());
        BudgetEntry e =
                new BudgetEntry(
                        line,
                        line.nextEntryNo(),
                        kind,
                        amount,
                        after,
                        referenceType,
                        referenceId,
                        note,
                        at,
                        by);
        em.persist(e);
        em.flush();
        return e;
    }
}

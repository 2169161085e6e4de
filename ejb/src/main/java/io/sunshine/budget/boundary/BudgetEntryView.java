package io.sunshine.budget.boundary;

import io.sunshine.budget.entity.BudgetEntry;
import io.sunshine.budget.entity.EntryKind;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** One ledger movement as pages and the API show it. */
public record BudgetEntryView(
        int entryNo,
        EntryKind kind,
        BigDecimal amount,
        BigDecimal approvedAfter,
        BigDecimal frozenAfter,
        BigDecimal spentAfter,
        BigDecimal freeAfter,
        String referenceType,
        String referenceId,
        String note,
        Instant recordedAt,
        String recordedBy)
        implements Serializable {

    static BudgetEntryView of(BudgetEntry e) {
        var b = e.balanceAfter();
        return new BudgetEntryView(
                e.getEntryNo(),
                e.getKind(),
                e.getAmount(),
                b.approved(),
                b.frozen(),
                b.spent(),
                b.free(),
                e.getReferenceType(),
                e.getReferenceId(),
                e.getNote(),
                e.getRecordedAt(),
                e.getRecordedBy());
    }
}

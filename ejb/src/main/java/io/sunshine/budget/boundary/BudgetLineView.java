package io.sunshine.budget.boundary;

import io.sunshine.budget.entity.BudgetEntry;
import io.sunshine.budget.entity.BudgetLine;
import io.sunshine.budget.entity.FundingSource;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A budget line with its balances, as pages and the API show it. */
public record BudgetLineView(
        long id,
        int fiscalYear,
        String code,
        String name,
        long unitId,
        String unitName,
        String functionalCode,
        String economicCode,
        FundingSource fundingSource,
        BigDecimal approved,
        BigDecimal frozen,
        BigDecimal spent,
        BigDecimal free,
        int entryCount,
        Instant createdAt)
        implements Serializable {

    static BudgetLineView of(BudgetLine l, BudgetEntry last) {
        var b = last.balanceAfter();
        return new BudgetLineView(
                l.getId(),
                l.getFiscalYear(),
                l.getCode(),
                l.getName(),
                l.getUnit().getId(),
                l.getUnit().getName(),
                l.getFunctionalCode(),
                l.getEconomicCode(),
                l.getFundingSource(),
                b.approved(),
                b.frozen(),
                b.spent(),
                b.free(),
                l.getEntryCount(),
                l.getCreatedAt());
    }

    /** A short label for choosing a line: code, name and free balance. */
    public String label() {
        return code + " " + name;
    }
}

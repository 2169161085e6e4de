package io.sunshine.budget.boundary;

import io.sunshine.budget.entity.FundingSource;
import io.sunshine.platform.control.Money;

/** What FINANCE enters to create a line. */
public record NewBudgetLine(
        int fiscalYear,
        String code,
        String name,
        long unitId,
        String functionalCode,
        String economicCode,
        FundingSource fundingSource,
        Money approved) {}

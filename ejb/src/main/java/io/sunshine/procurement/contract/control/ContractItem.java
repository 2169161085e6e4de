package io.sunshine.procurement.contract.control;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of the contract's items table (合同标的清单) at the awarded price. The line {@code amount}
 * (yuan, two decimals) is authoritative: the lines add up exactly to the contract total, and {@code
 * unitPrice} is the amount divided by the quantity, with two decimals when that is exact and four
 * otherwise (see {@link PriceAllocation}).
 */
public record ContractItem(
        int lineNo,
        String name,
        String specification,
        String unit,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal amount) {
    public ContractItem {
        Objects.requireNonNull(name, "An item's name is required.");
        Objects.requireNonNull(quantity, "An item's quantity is required.");
        Objects.requireNonNull(unitPrice, "An item's unit price is required.");
        Objects.requireNonNull(amount, "An item's amount is required.");
        if (lineNo < 1) {
            throw new IllegalArgumentException("Line numbers start at 1: " + lineNo);
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("A quantity is positive: " + quantity);
        }
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(
                    "An amount is non-negative with two decimals: " + amount);
        }
    }
}

package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The minimum decrement (降价幅度) of an auction: a fixed amount, or a percentage of the ceiling price
 * rounded up to the fen (so a percentage never allows a smaller step than it says).
 *
 * @param kind AMOUNT or PERCENT
 * @param value the amount in yuan, or the percentage (e.g. 0.5 for 0.5 %)
 */
public record Decrement(Kind kind, BigDecimal value) {
    public enum Kind {
        AMOUNT,
        PERCENT
    }

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public Decrement {
        Objects.requireNonNull(kind, "The decrement kind is required.");
        Objects.requireNonNull(value, "The decrement value is required.");
    }

    /** The step in yuan for this ceiling. */
    public Money step(Money ceiling) {
        return switch (kind) {
            case AMOUNT -> Money.of(value);
            case PERCENT ->
                    Money.of(
                            ceiling.amount()
                                    .multiply(value)
                                    .divide(HUNDRED, 2, RoundingMode.CEILING));
        };
    }
}

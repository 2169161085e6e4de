package io.sunshine.budget.control;

import io.sunshine.budget.entity.EntryKind;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A budget line's balances: approved (批复), frozen (冻结) and spent (已支出). The free balance (可用余额) is
 * derived — approved − frozen − spent — and never negative: {@link #apply} refuses every movement
 * that would make it so.
 */
public record Balance(BigDecimal approved, BigDecimal frozen, BigDecimal spent)
        implements Serializable {
    public static final Balance NONE =
            new Balance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Balance {
        approved = fen(approved);
        frozen = fen(frozen);
        spent = fen(spent);
    }

    private static BigDecimal fen(BigDecimal v) {
        return Objects.requireNonNull(v).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** approved − frozen − spent. */
    public BigDecimal free() {
        return approved.subtract(frozen).subtract(spent);
    }

    /**
     * The balances after a movement.
     *
     * @param amount positive; only an {@link EntryKind#ADJUSTMENT} may be negative (a decrease)
     * @param lineCode the line's code, named in refusals
     * @throws Refusal BUDGET_INSUFFICIENT when a freeze exceeds the free balance,
     *     BUDGET_ADJUSTMENT_TOO_LOW when a decrease would put the approved amount below what is
     *     frozen and spent, BUDGET_EXCEEDS_FROZEN when a release or spend exceeds the frozen
     *     amount, AMOUNT_INVALID for a zero amount or a sign the kind does not allow
     */
    public Balance apply(EntryKind kind, BigDecimal amount, String lineCode) {
        Objects.requireNonNull(kind);
        BigDecimal a = fen(amount);
        if (a.signum() == 0 || (kind != EntryKind.ADJUSTMENT && a.signum() < 0)) {
            throw new Refusal(ProblemCode.AMOUNT_INVALID, "amount", a.toPlainString());
        }
        return switch (kind) {
            case APPROPRIATION -> {
                if (!this.equals(NONE)) {
                    throw new IllegalStateException("A line is appropriated once, at creation.");
                }
                yield new Balance(a, frozen, spent);
            }
            case ADJUSTMENT -> {
                BigDecimal newApproved = approved.add(a);
                BigDecimal committed = frozen.add(spent);
                if (newApproved.compareTo(committed) < 0) {
                    throw new Refusal(
                            ProblemCode.BUDGET_ADJUSTMENT_TOO_LOW,
                            "amount",
                            lineCode,
                            Amounts.format(newApproved),
                            Amounts.format(committed));
                }
                yield new Balance(newApproved, frozen, spent);
            }
            case FREEZE -> {
                if (a.compareTo(free()) > 0) {
                    throw new Refusal(
                            ProblemCode.BUDGET_INSUFFICIENT,
                            "budgetLineId",
                            lineCode,
                            Amounts.format(free()),
                            Amounts.format(a));
                }
                yield new Balance(approved, frozen.add(a), spent);
            }
            case RELEASE -> {
                requireFrozen(a, lineCode);
                yield new Balance(approved, frozen.subtract(a), spent);
            }
            case SPEND -> {
                requireFrozen(a, lineCode);
                yield new Balance(approved, frozen.subtract(a), spent.add(a));
            }
        };
    }

    private void requireFrozen(BigDecimal a, String lineCode) {
        if (a.compareTo(frozen) > 0) {
            throw new Refusal(
                    ProblemCode.BUDGET_EXCEEDS_FROZEN,
                    "amount",
                    lineCode,
                    Amounts.format(frozen),
                    Amounts.format(a));
        }
    }
}

package io.sunshine.procurement.notice.control;

import io.sunshine.budget.control.Amounts;
import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The bid security (投标保证金) a tender may ask for is at most 2 % of the budget (条例 art. 33), or the
 * share the rule table sets. Pass the budget of the lot the security is for: each lot (标包) is bid
 * for on its own.
 *
 * <pre>{@code
 * BidSecurityRule rule = new BidSecurityRule(table);
 * rule.maximum(Money.parse("1000000.00", "budget")); // 20000.00
 * rule.check(security, budget, "bidSecurity"); // or Refusal BID_SECURITY_TOO_HIGH
 * }</pre>
 */
public final class BidSecurityRule {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final NoticePeriods table;

    public BidSecurityRule(NoticePeriods table) {
        this.table = Objects.requireNonNull(table, "The rule table is required.");
    }

    /**
     * The highest lawful security for this budget, rounded down to the fen: rounding up would allow
     * a security above the share (2 % of 333.33 is 6.6666, so 6.66, not 6.67).
     */
    public Money maximum(Money budget) {
        Objects.requireNonNull(budget, "A budget is required.");
        return Money.of(
                budget.amount()
                        .multiply(table.bidSecurityMaxPercent())
                        .divide(HUNDRED)
                        .setScale(2, RoundingMode.DOWN));
    }

    /**
     * @throws Refusal AMOUNT_NEGATIVE for a negative security; BID_SECURITY_TOO_HIGH with arguments
     *     {0} the security, {1} the maximum, {2} the share in per cent, {3} the budget, {4} the
     *     source
     */
    public void check(Money security, Money budget, String field) {
        Objects.requireNonNull(security, "A bid security is required.");
        security.requireNonNegative(field);
        Money max = maximum(budget);
        if (security.isGreaterThan(max)) {
            throw new Refusal(
                    ProblemCode.BID_SECURITY_TOO_HIGH,
                    field,
                    Amounts.format(security.amount()),
                    Amounts.format(max.amount()),
                    table.bidSecurityMaxPercent().toPlainString(),
                    Amounts.format(budget.amount()),
                    new Localized("source." + table.bidSecuritySource()));
        }
    }
}

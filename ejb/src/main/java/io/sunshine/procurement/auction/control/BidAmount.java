package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;

/**
 * The amount of a bid as a supplier's system sends it: a JSON string of ASCII digits with at most
 * two decimals ("123456.78"), above zero, at most 16 integer digits. Everything else is refused
 * before any rule looks at it: empty, negative, zero, exponents ({@code 1e309}, {@code
 * 41e1000000}), {@code NaN}, full-width digits (１２３), more than two decimals, 20-digit numbers.
 *
 * <pre>{@code
 * Money m = BidAmount.parse("98500.00"); // or Refusal AMOUNT_INVALID / AMOUNT_NEGATIVE / AMOUNT_TOO_LARGE
 * }</pre>
 */
public final class BidAmount {
    public static final String FIELD = "amount";

    private BidAmount() {}

    public static Money parse(String text) {
        Money m = Money.parse(text, FIELD);
        if (m.isZero()) {
            throw new Refusal(ProblemCode.AMOUNT_INVALID, FIELD, text.strip());
        }
        return m;
    }
}

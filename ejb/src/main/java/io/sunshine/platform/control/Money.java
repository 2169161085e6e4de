package io.sunshine.platform.control;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of Chinese yuan (CNY) with exactly two decimals, as stored in NUMERIC(18,2): at most 16
 * digits before the point. Never a {@code double}.
 *
 * <p>User input goes through {@link #parse(String, String)}, which accepts only plain ASCII
 * decimals ({@code "1234.5"}, {@code "0.01"}) and refuses exponents, NaN, full-width digits, signs,
 * separators and a third decimal with a specific {@link Refusal}:
 *
 * <pre>{@code
 * Money price = Money.parse("1234567.89", "amount");
 * Money total = price.times(new BigDecimal("3")); // rounded half-up to the fen
 * }</pre>
 */
public final class Money implements Comparable<Money>, Serializable {
    private static final long serialVersionUID = 1L;

    /** 16 integer digits: the NUMERIC(18,2) columns hold nothing larger. */
    public static final BigDecimal MAX = new BigDecimal("9999999999999999.99");

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * An amount from the database or from computation. It may be negative (a ledger release is);
     * the business refuses negatives where it must with {@link #requireNonNegative(String)}.
     *
     * @throws Refusal AMOUNT_INVALID when it has more than two decimals, AMOUNT_TOO_LARGE when it
     *     exceeds 16 integer digits
     */
    public static Money of(BigDecimal amount) {
        Objects.requireNonNull(amount, "An amount is required.");
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new Refusal(ProblemCode.AMOUNT_INVALID, null, amount.toPlainString());
        }
        if (amount.abs().compareTo(MAX) > 0) {
            throw new Refusal(ProblemCode.AMOUNT_TOO_LARGE, null, amount.toPlainString());
        }
        return new Money(amount);
    }

    /** Parses a non-negative amount typed by a user; {@code field} names it in the refusal. */
    public static Money parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new Refusal(ProblemCode.AMOUNT_INVALID, field, "");
        }
        String t = text.strip();
        if (t.startsWith("-")) {
            throw new Refusal(ProblemCode.AMOUNT_NEGATIVE, field, t);
        }
        if (!PLAIN_DECIMAL.matcher(t).matches()) {
            throw new Refusal(ProblemCode.AMOUNT_INVALID, field, abbreviate(t));
        }
        int point = t.indexOf('.');
        String integerPart = (point < 0 ? t : t.substring(0, point)).replaceFirst("^0+(?=.)", "");
        String fraction = point < 0 ? "" : t.substring(point + 1);
        if (fraction.length() > 2 && !fraction.substring(2).chars().allMatch(c -> c == '0')) {
            throw new Refusal(ProblemCode.AMOUNT_INVALID, field, abbreviate(t));
        }
        if (integerPart.length() > 16) {
            throw new Refusal(ProblemCode.AMOUNT_TOO_LARGE, field, abbreviate(t));
        }
        return new Money(new BigDecimal(t).setScale(2, RoundingMode.UNNECESSARY));
    }

    private static String abbreviate(String t) {
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }

    public BigDecimal amount() {
        return amount;
    }

    public Money plus(Money other) {
        return of(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return of(amount.subtract(other.amount));
    }

    /** This amount times a quantity, rounded half-up to the fen (分). */
    public Money times(BigDecimal quantity) {
        return of(amount.multiply(quantity).setScale(2, RoundingMode.HALF_UP));
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** This amount, or a refusal AMOUNT_NEGATIVE naming {@code field}. */
    public Money requireNonNegative(String field) {
        if (isNegative()) {
            throw new Refusal(ProblemCode.AMOUNT_NEGATIVE, field, amount.toPlainString());
        }
        return this;
    }

    /** The amount in Chinese capitals as printed on contracts: 人民币壹佰元整. */
    public String inChineseCapitals() {
        return ChineseCapitalAmount.of(amount);
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.equals(m.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** Plain decimal with two places, e.g. {@code 1234.50}: the form the API speaks. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}

package io.sunshine.procurement.contract.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Spreads an awarded lot total over the lot's lines, so that the contract lists every item at the
 * price actually bid. A reverse auction (and any bid for a whole lot) awards one total, not unit
 * prices; the contract is at the bid price (财库〔2020〕46号: never at a price reduced for evaluation),
 * so each line gets the share of the award that its estimated amount had of the estimate.
 *
 * <p>Shares are counted in fen (分) with the largest-remainder method: every line first gets its
 * exact share rounded down to the fen; the fen left over go one each to the lines with the largest
 * remainders, ties to the earlier line. The line amounts therefore add up <em>exactly</em> to the
 * award, and the result depends on nothing but the input.
 *
 * <p>The line amount is authoritative. The unit price is the amount divided by the quantity: with
 * two decimals when that division is exact, otherwise rounded half-up to four decimals, so that a
 * reader can still see that unit price × quantity ≈ amount (e.g. 1,000.00 yuan for 3 pieces is
 * 333.3333 yuan each). Rounding the unit price to two decimals and multiplying back would change
 * the line amounts and break the total.
 *
 * <pre>{@code
 * List<ContractItem> items = PriceAllocation.allocate(
 *         List.of(new PriceAllocation.Line("台式计算机", "i5/16G/512G", "台", new BigDecimal("3"),
 *                 new BigDecimal("15000.00"))),
 *         new BigDecimal("13999.99"));
 * }</pre>
 */
public final class PriceAllocation {
    private static final int UNIT_PRICE_SCALE = 4;

    private PriceAllocation() {}

    /** A line of the lot as estimated in the requirement: its quantity and estimated amount. */
    public record Line(
            String name,
            String specification,
            String unit,
            BigDecimal quantity,
            BigDecimal estimatedAmount) {
        public Line {
            Objects.requireNonNull(name, "A line's name is required.");
            Objects.requireNonNull(quantity, "A line's quantity is required.");
            Objects.requireNonNull(estimatedAmount, "A line's estimated amount is required.");
            if (quantity.signum() <= 0) {
                throw new IllegalArgumentException("A quantity is positive: " + quantity);
            }
            if (estimatedAmount.signum() < 0) {
                throw new IllegalArgumentException(
                        "An estimated amount is not negative: " + estimatedAmount);
            }
        }
    }

    /**
     * The lines at the awarded price, numbered from 1 in the order given.
     *
     * @param awardedTotal the award in yuan, positive, at most two decimals
     * @throws IllegalArgumentException when there is no line, the estimate adds up to zero, or the
     *     total is not a positive amount in fen
     */
    public static List<ContractItem> allocate(List<Line> lines, BigDecimal awardedTotal) {
        Objects.requireNonNull(lines, "The lines are required.");
        Objects.requireNonNull(awardedTotal, "The awarded total is required.");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A lot has at least one line.");
        }
        if (awardedTotal.signum() <= 0 || awardedTotal.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(
                    "The awarded total is a positive amount in fen: " + awardedTotal);
        }
        BigInteger total = fen(awardedTotal);
        // the estimates are scaled alike, so their ratio is exact whatever their decimals
        int scale =
                lines.stream()
                        .mapToInt(
                                l -> Math.max(0, l.estimatedAmount().stripTrailingZeros().scale()))
                        .max()
                        .orElse(0);
        List<BigInteger> weights =
                lines.stream()
                        .map(l -> l.estimatedAmount().movePointRight(scale).toBigIntegerExact())
                        .toList();
        BigInteger estimate = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (estimate.signum() == 0) {
            throw new IllegalArgumentException("The estimated amounts add up to zero.");
        }

        int n = lines.size();
        BigInteger[] shares = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger allotted = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = total.multiply(weights.get(i)).divideAndRemainder(estimate);
            shares[i] = qr[0];
            remainders[i] = qr[1];
            allotted = allotted.add(qr[0]);
        }
        // fewer fen are left over than there are lines with a remainder
        int left = total.subtract(allotted).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(
                Comparator.comparing((Integer i) -> remainders[i])
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < left; k++) {
            int i = order.get(k);
            shares[i] = shares[i].add(BigInteger.ONE);
        }

        List<ContractItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            BigDecimal amount = new BigDecimal(shares[i], 2);
            items.add(
                    new ContractItem(
                            i + 1,
                            l.name(),
                            l.specification(),
                            l.unit(),
                            l.quantity(),
                            unitPrice(amount, l.quantity()),
                            amount));
        }
        return List.copyOf(items);
    }

    /** Amount ÷ quantity: two decimals when exact, otherwise four, rounded half-up. */
    public static BigDecimal unitPrice(BigDecimal amount, BigDecimal quantity) {
        try {
            return amount.divide(quantity, 2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException inexact) {
            return amount.divide(quantity, UNIT_PRICE_SCALE, RoundingMode.HALF_UP);
        }
    }

    private static BigInteger fen(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.UNNECESSARY).unscaledValue();
    }
}

package io.sunshine.procurement.contract.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The awarded lot total spread over its lines in fen, by the largest-remainder method. */
class PriceAllocationTest {

    private static PriceAllocation.Line line(String quantity, String estimated) {
        return new PriceAllocation.Line(
                "货物", "规格", "台", new BigDecimal(quantity), new BigDecimal(estimated));
    }

    private static BigDecimal sum(List<ContractItem> items) {
        return items.stream().map(ContractItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<BigDecimal> amounts(List<ContractItem> items) {
        return items.stream().map(ContractItem::amount).toList();
    }

    @Test
    void oneLineTakesTheWholeAward() {
        List<ContractItem> items =
                PriceAllocation.allocate(
                        List.of(line("3", "15000.00")), new BigDecimal("13999.99"));
        assertEquals(1, items.size());
        assertEquals(1, items.get(0).lineNo());
        assertEquals(new BigDecimal("13999.99"), items.get(0).amount());
        // 13999.99 / 3 is not exact: four decimals
        assertEquals(new BigDecimal("4666.6633"), items.get(0).unitPrice());
    }

    @Test
    void linesShareTheAwardInProportionToTheirEstimate() {
        List<ContractItem> items =
                PriceAllocation.allocate(
                        List.of(line("3", "3000.00"), line("7", "7000.00")),
                        new BigDecimal("9000.00"));
        assertEquals(List.of(new BigDecimal("2700.00"), new BigDecimal("6300.00")), amounts(items));
        assertEquals(new BigDecimal("900.00"), items.get(0).unitPrice());
        assertEquals(new BigDecimal("900.00"), items.get(1).unitPrice());
    }

    @Test
    void quantitiesThreeAndSevenKeepFourDecimalsWhenTheDivisionIsNotExact() {
        List<ContractItem> items =
                PriceAllocation.allocate(
                        List.of(line("3", "300.00"), line("7", "700.00")),
                        new BigDecimal("999.99"));
        // exact shares 299.997 and 699.993: both round down, the one fen left goes to the larger
        // remainder (0.7 fen against 0.3 fen)
        assertEquals(List.of(new BigDecimal("300.00"), new BigDecimal("699.99")), amounts(items));
        assertEquals(new BigDecimal("100.00"), items.get(0).unitPrice());
        assertEquals(new BigDecimal("99.9986"), items.get(1).unitPrice());
        assertEquals(new BigDecimal("999.99"), sum(items));
    }

    @Test
    void equalRemaindersGoToTheEarlierLines() {
        List<ContractItem> items =
                PriceAllocation.allocate(
                        List.of(line("1", "1"), line("1", "1"), line("1", "1")),
                        new BigDecimal("100.00"));
        assertEquals(
                List.of(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33")),
                amounts(items));
    }

    @Test
    void tinyTotalsStillAddUpExactly() {
        List<ContractItem> one =
                PriceAllocation.allocate(
                        List.of(line("2", "50"), line("5", "50"), line("1", "50")),
                        new BigDecimal("0.01"));
        assertEquals(
                List.of(new BigDecimal("0.01"), new BigDecimal("0.00"), new BigDecimal("0.00")),
                amounts(one));
        assertEquals(new BigDecimal("0.00"), one.get(1).unitPrice());

        List<ContractItem> two =
                PriceAllocation.allocate(
                        List.of(line("1", "10"), line("1", "30"), line("1", "60")),
                        new BigDecimal("0.02"));
        // shares 0.2, 0.6 and 1.2 fen: 1 fen by rounding down, 1 left for the largest remainder
        // (0.6)
        assertEquals(
                List.of(new BigDecimal("0.00"), new BigDecimal("0.01"), new BigDecimal("0.01")),
                amounts(two));
    }

    @Test
    void aLineEstimatedAtZeroGetsNothing() {
        List<ContractItem> items =
                PriceAllocation.allocate(
                        List.of(line("1", "0"), line("4", "999.99")), new BigDecimal("500.01"));
        assertEquals(List.of(new BigDecimal("0.00"), new BigDecimal("500.01")), amounts(items));
    }

    @Test
    void manyLinesAddUpExactlyAndTheResultIsDeterministic() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<PriceAllocation.Line> lines = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            BigDecimal estimate = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(10_000_000), 2);
                estimate = estimate.add(amount);
                lines.add(line(String.valueOf(1 + random.nextInt(30)), amount.toPlainString()));
            }
            BigDecimal awarded =
                    estimate.multiply(BigDecimal.valueOf(50 + random.nextInt(50)))
                            .movePointLeft(2)
                            .setScale(2, java.math.RoundingMode.DOWN)
                            .max(new BigDecimal("0.01"));
            List<ContractItem> items = PriceAllocation.allocate(lines, awarded);
            assertEquals(awarded, sum(items), "round " + round);
            assertEquals(items, PriceAllocation.allocate(lines, awarded));
            for (int i = 0; i < n; i++) {
                ContractItem item = items.get(i);
                assertEquals(i + 1, item.lineNo());
                // each line is within one fen of its exact proportional share
                BigDecimal exact =
                        awarded.multiply(lines.get(i).estimatedAmount())
                                .divide(estimate, 10, java.math.RoundingMode.HALF_UP);
                assertEquals(
                        -1, item.amount().subtract(exact).abs().compareTo(new BigDecimal("0.01")));
                // unit price × quantity is the amount to within the unit price's rounding
                BigDecimal back = item.unitPrice().multiply(item.quantity());
                assertEquals(
                        -1,
                        back.subtract(item.amount())
                                .abs()
                                .compareTo(
                                        new BigDecimal("0.00005")
                                                .multiply(item.quantity())
                                                .add(new BigDecimal("0.000001"))));
            }
        }
    }

    @Test
    void unitPricesHaveTwoDecimalsWhenExact() {
        assertEquals(
                new BigDecimal("333.33"),
                PriceAllocation.unitPrice(new BigDecimal("999.99"), new BigDecimal("3")));
        assertEquals(
                new BigDecimal("333.3333"),
                PriceAllocation.unitPrice(new BigDecimal("1000.00"), new BigDecimal("3")));
        assertEquals(
                new BigDecimal("40.00"),
                PriceAllocation.unitPrice(new BigDecimal("100.00"), new BigDecimal("2.5")));
    }

    @Test
    void impossibleInputIsAProgrammingError() {
        assertThrows(
                IllegalArgumentException.class,
                () -> PriceAllocation.allocate(List.of(), BigDecimal.TEN));
        assertThrows(
                IllegalArgumentException.class,
                () -> PriceAllocation.allocate(List.of(line("1", "0")), BigDecimal.TEN));
        assertThrows(
                IllegalArgumentException.class,
                () -> PriceAllocation.allocate(List.of(line("1", "5")), new BigDecimal("0.001")));
        assertThrows(
                IllegalArgumentException.class,
                () -> PriceAllocation.allocate(List.of(line("1", "5")), BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> line("0", "5"));
        assertThrows(IllegalArgumentException.class, () -> line("1", "-5"));
    }
}

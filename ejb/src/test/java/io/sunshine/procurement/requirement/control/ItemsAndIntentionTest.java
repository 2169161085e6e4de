package io.sunshine.procurement.requirement.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemsAndIntentionTest {
    private static ItemDraft item(String code, String qty, String price) {
        return new ItemDraft(
                code, "台式计算机", "i5/16G/512G", new BigDecimal(qty), "台", new BigDecimal(price));
    }

    @Test
    void amountsAreQuantityTimesPriceRoundedHalfUpAndSummed() {
        Items.Result r =
                Items.check(
                        List.of(
                                item("A02010105", "120", "5200.00"),
                                item("A02010108", "2.5", "3333.33"), // 8333.325 → 8333.33
                                item("A02021000", "0.001", "0.01"))); // 0.00001 → 0.00
        assertEquals(new BigDecimal("624000.00"), r.items().get(0).amount());
        assertEquals(new BigDecimal("8333.33"), r.items().get(1).amount());
        assertEquals(new BigDecimal("0.00"), r.items().get(2).amount());
        assertEquals(new BigDecimal("632333.33"), r.total());
        assertEquals(Category.A, r.category());
    }

    @Test
    void itemsOfDifferentCategoriesAreRefused() {
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () ->
                                Items.check(
                                        List.of(
                                                item("A02010105", "1", "1"),
                                                item("C16070000", "1", "1"))));
        assertEquals(ProblemCode.REQUIREMENT_CATEGORIES_MIXED, r.code());
        assertEquals("items[1].catalogueCode", r.field());
    }

    @Test
    void eachBadFieldIsNamed() {
        Object[][] cases = {
            {item("X0201", "1", "1"), "items[0].catalogueCode"},
            {item("A02010105", "0", "1"), "items[0].quantity"},
            {item("A02010105", "-1", "1"), "items[0].quantity"},
            {item("A02010105", "1.0001", "1"), "items[0].quantity"},
            {item("A02010105", "1", "0"), "items[0].unitPrice"},
            {item("A02010105", "1", "1.005"), "items[0].unitPrice"},
            {
                new ItemDraft("A02010105", " ", null, BigDecimal.ONE, "台", BigDecimal.ONE),
                "items[0].name"
            },
            {
                new ItemDraft("A02010105", "x", null, BigDecimal.ONE, "", BigDecimal.ONE),
                "items[0].unit"
            },
        };
        for (Object[] c : cases) {
            Refusal r = assertThrows(Refusal.class, () -> Items.check(List.of((ItemDraft) c[0])));
            assertEquals(ProblemCode.REQUIREMENT_ITEM_INVALID, r.code());
            assertEquals(c[1], r.field());
        }
        assertEquals(
                ProblemCode.REQUIREMENT_ITEMS_MISSING,
                assertThrows(Refusal.class, () -> Items.check(List.of())).code());
        List<ItemDraft> many = new ArrayList<>();
        for (int i = 0; i <= Items.MAX_ITEMS; i++) {
            many.add(item("A02010105", "1", "1"));
        }
        assertEquals(
                ProblemCode.REQUIREMENT_TOO_MANY_ITEMS,
                assertThrows(Refusal.class, () -> Items.check(many)).code());
    }

    @Test
    void aTotalBeyondSixteenDigitsIsRefused() {
        assertEquals(
                ProblemCode.AMOUNT_TOO_LARGE,
                assertThrows(
                                Refusal.class,
                                () ->
                                        Items.check(
                                                List.of(
                                                        item(
                                                                "A02010105",
                                                                "1000000000",
                                                                "99999999.99"))))
                        .code());
    }

    @Test
    void theIntentionAppearsAtLeastThirtyDaysBeforeTheStart() {
        LocalDate start = LocalDate.of(2026, 3, 31);
        assertEquals(LocalDate.of(2026, 3, 1), IntentionRule.latestPublication(start));
        assertDoesNotThrow(() -> IntentionRule.checkPublication(LocalDate.of(2026, 3, 1), start));
        assertDoesNotThrow(() -> IntentionRule.checkPublication(LocalDate.of(2026, 1, 5), start));
        Refusal late =
                assertThrows(
                        Refusal.class,
                        () -> IntentionRule.checkPublication(LocalDate.of(2026, 3, 2), start));
        assertEquals(ProblemCode.INTENTION_TOO_LATE, late.code());
        assertEquals("2026-03-31", late.args()[0]);
        assertEquals("2026-03-01", late.args()[1]);
        assertEquals("2026-04-01", late.args()[2]); // the earliest start that would still do
        // across a leap day: 2028-03-30 needs publication by 2028-02-29
        assertEquals(
                LocalDate.of(2028, 2, 29),
                IntentionRule.latestPublication(LocalDate.of(2028, 3, 30)));
    }
}

package io.sunshine.procurement.project.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LotPlanTest {
    private static final List<Long> ITEMS = List.of(11L, 12L, 13L);

    @Test
    void noLotsMeansOneLotOfEveryItemNamedAfterTheProject() {
        List<LotPlan.Lot> lots = LotPlan.divide(ITEMS, null, "教学设备采购");
        assertEquals(List.of(new LotPlan.Lot("教学设备采购", ITEMS)), lots);
    }

    @Test
    void everyItemInExactlyOneLot() {
        List<LotPlan.Lot> lots =
                LotPlan.divide(
                        ITEMS,
                        List.of(
                                new LotPlan.Lot(" 第1包：计算机 ", List.of(11L, 12L)),
                                new LotPlan.Lot("第2包：打印机", List.of(13L))),
                        "x");
        assertEquals("第1包：计算机", lots.get(0).title());
        assertEquals(List.of(13L), lots.get(1).itemIds());
    }

    @Test
    void anItemInTwoLotsInNoLotOrFromElsewhereIsRefusedByName() {
        assertReason(
                "lots.itemTwice",
                List.of(
                        new LotPlan.Lot("a", List.of(11L, 12L)),
                        new LotPlan.Lot("b", List.of(12L, 13L))));
        assertReason("lots.itemMissing", List.of(new LotPlan.Lot("a", List.of(11L, 12L))));
        assertReason(
                "lots.itemUnknown", List.of(new LotPlan.Lot("a", List.of(11L, 12L, 13L, 99L))));
        assertReason("lots.itemUnknown", List.of(new LotPlan.Lot("a", Arrays.asList(11L, null))));
    }

    @Test
    void aLotNeedsATitleAndItems() {
        assertReason("lots.titleMissing", List.of(new LotPlan.Lot(" ", ITEMS)));
        assertReason(
                "lots.lotEmpty",
                List.of(new LotPlan.Lot("a", ITEMS), new LotPlan.Lot("b", List.of())));
    }

    @Test
    void atMostFiftyLots() {
        List<LotPlan.Lot> many =
                java.util.stream.LongStream.rangeClosed(1, 51)
                        .mapToObj(i -> new LotPlan.Lot("lot " + i, List.of(i)))
                        .toList();
        assertReason("lots.tooMany", many);
    }

    private static void assertReason(String key, List<LotPlan.Lot> lots) {
        Refusal r = assertThrows(Refusal.class, () -> LotPlan.divide(ITEMS, lots, "x"));
        assertEquals(ProblemCode.PROJECT_LOTS_INVALID, r.code());
        assertEquals(key, ((Localized) r.args()[0]).key());
    }
}

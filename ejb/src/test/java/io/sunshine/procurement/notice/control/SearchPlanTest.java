package io.sunshine.procurement.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchPlanTest {
    private static final Map<String, Double> STATS =
            Map.of("笔记", 0.03, "记本", 0.03, "本电", 0.03, "电脑", 0.07, "档案", 0.0003, "物业", 0.001);

    private static SearchPlan.Way way(String q) {
        return SearchPlan.choose(NoticeSearch.parse(q).orElseThrow(), STATS, 0.0001, 1_000_000, 21);
    }

    @Test
    void aPhraseOfCommonPairsIsWalkedNewestFirst() {
        // break-even at a million notices and 21 rows: √(21 / 10⁶) ≈ 0.46 %
        assertEquals(SearchPlan.Way.WALK, way("笔记本电脑"));
    }

    @Test
    void aPhraseWithARarePairIsCollectedAndAnUnlistedPairIsRarerStill() {
        assertEquals(SearchPlan.Way.COLLECT, way("电脑档案"));
        assertEquals(SearchPlan.Way.COLLECT, way("麒麟鸟"));
        assertEquals(SearchPlan.Way.COLLECT, way("笔记本电脑 麒麟"), "every word must be there");
    }

    @Test
    void singleTermsAndPrefixesAreLeftToThePlanner() {
        assertEquals(SearchPlan.Way.PLANNER, way("电脑"));
        assertEquals(SearchPlan.Way.PLANNER, way("物业 电脑"));
        assertEquals(SearchPlan.Way.PLANNER, way("2026年"));
        assertEquals(
                SearchPlan.Way.PLANNER,
                SearchPlan.choose(NoticeSearch.parse("笔记本").orElseThrow(), Map.of(), 0, 10, 21));
    }
}

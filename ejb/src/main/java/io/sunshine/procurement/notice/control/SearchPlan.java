package io.sunshine.procurement.notice.control;

import java.util.List;
import java.util.Map;

/**
 * How to find the newest notices matching a search, where PostgreSQL's own estimate goes wrong.
 * There are two ways: walk the list newest first and test each notice (fast when the words are
 * common: the first page is a few hundred notices down), or collect every match from the GIN index
 * and sort them (fast when the words are rare). The planner picks well for one term, but it takes
 * the terms of a phrase as independent and multiplies their frequencies: 笔记本电脑, four pairs in 3 %
 * of the notices each, looks like one notice in a million, and collecting its 30,000 matches took
 * 363 ms at a million notices (bench/notice-portal.sh) where the walk takes about 1 ms. The pairs
 * of one word are anything but independent: a phrase is never more frequent than its rarest pair,
 * and for Chinese text it is usually about as frequent.
 *
 * <p>So for a search with a phrase of two or more terms, the rarest term's frequency (from the
 * column's statistics) bounds the matches, and the cheaper way follows: walking costs about {@code
 * limit / f} rows, collecting about {@code rows × f}; they cost the same at {@code f = √(limit /
 * rows)}. A term the statistics do not list is rarer than every term they list. Searches of single
 * terms or with a prefix are left to the planner, whose estimate for them is right.
 */
public final class SearchPlan {
    /** The way to run the search. */
    public enum Way {
        WALK,
        COLLECT,
        PLANNER
    }

    private SearchPlan() {}

    /**
     * @param frequencies the share of notices holding each common term (pg_stats most_common_elems)
     * @param floor the share below which a term is not listed (the lowest listed share)
     * @param rows the number of notices
     * @param limit the rows a page needs
     */
    public static Way choose(
            NoticeSearch search,
            Map<String, Double> frequencies,
            double floor,
            long rows,
            int limit) {
        boolean phrase = search.phrases().stream().anyMatch(p -> p.size() > 1);
        boolean prefix = search.tsquery().contains(":*");
        if (!phrase || prefix || frequencies.isEmpty() || rows <= 0) {
            return Way.PLANNER;
        }
        double rarest = 1.0;
        for (List<String> p : search.phrases()) {
            for (String term : p) {
                rarest = Math.min(rarest, frequencies.getOrDefault(term, floor));
            }
        }
        double breakEven = Math.sqrt((double) limit / rows);
        return rarest >= breakEven ? Way.WALK : Way.COLLECT;
    }
}

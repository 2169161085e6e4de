package io.sunshine.procurement.project.control;

import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a project's items are divided into lots (标包划分): every item of the chosen requirements in
 * exactly one lot, every lot with a title and at least one item, at most {@value #MAX_LOTS} lots.
 * No lots given means one lot holding every item, named after the project.
 *
 * <pre>{@code
 * List<Lot> lots = LotPlan.divide(List.of(11L, 12L, 13L), List.of(
 *         new LotPlan.Lot("第1包：台式计算机", List.of(11L, 12L)),
 *         new LotPlan.Lot("第2包：打印机", List.of(13L))), "项目名称");
 * }</pre>
 */
public final class LotPlan {
    public static final int MAX_LOTS = 50;

    /** A lot's title and the ids of the requirement items it holds, in order. */
    public record Lot(String title, List<Long> itemIds) {}

    private LotPlan() {}

    /**
     * @param available the ids of every item of the chosen requirements, in their order
     * @param lots the lots as asked for; empty or {@code null} for one lot of every item
     * @param projectTitle the title of the single lot when none are given
     * @throws Refusal PROJECT_LOTS_INVALID saying which item or lot is wrong
     */
    public static List<Lot> divide(List<Long> available, List<Lot> lots, String projectTitle) {
        if (lots == null || lots.isEmpty()) {
            return List.of(new Lot(projectTitle, List.copyOf(available)));
        }
        if (lots.size() > MAX_LOTS) {
            throw invalid("lots.tooMany", MAX_LOTS);
        }
        Set<Long> known = new LinkedHashSet<>(available);
        Map<Long, Integer> placed = new HashMap<>();
        List<Lot> result = new ArrayList<>();
        for (int i = 0; i < lots.size(); i++) {
            Lot lot = lots.get(i);
            int no = i + 1;
            if (lot == null || lot.title() == null || lot.title().isBlank()) {
                throw invalid("lots.titleMissing", no);
            }
            if (lot.itemIds() == null || lot.itemIds().isEmpty()) {
                throw invalid("lots.lotEmpty", no);
            }
            for (Long id : lot.itemIds()) {
                if (id == null || !known.contains(id)) {
                    throw invalid("lots.itemUnknown", String.valueOf(id));
                }
                if (placed.put(id, no) != null) {
                    throw invalid("lots.itemTwice", id);
                }
            }
            result.add(new Lot(lot.title().strip(), List.copyOf(lot.itemIds())));
        }
        for (Long id : available) {
            if (!placed.containsKey(id)) {
                throw invalid("lots.itemMissing", id);
            }
        }
        return result;
    }

    private static Refusal invalid(String key, Object arg) {
        return new Refusal(ProblemCode.PROJECT_LOTS_INVALID, "lots", new Localized(key, arg));
    }
}

package io.sunshine.procurement.ocds.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A lot (标包) of a procurement project with its budget and items.
 *
 * @param id the lot number within the project, e.g. "1"
 * @param title e.g. "第1包：教学用计算机"
 * @param budget the lot's budget (最高限价 / 预算金额) in yuan
 * @param items what the lot buys, at least one
 */
public record Lot(String id, String title, BigDecimal budget, List<ProjectItem> items) {
    public Lot {
        Objects.requireNonNull(id, "A lot id is required.");
        Objects.requireNonNull(title, "A lot title is required.");
        Objects.requireNonNull(budget, "A lot budget is required.");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A lot has at least one item: lot " + id);
        }
    }
}

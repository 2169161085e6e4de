package io.sunshine.procurement.requirement.control;

import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a requirement's items and computes their amounts (quantity × estimated unit price, rounded
 * half-up to the fen) and the total. A requirement is of one category — goods, works or services —
 * because its method, thresholds and later its notice depend on it.
 */
public final class Items {
    public static final int MAX_ITEMS = 200;
    private static final Pattern CODE = Pattern.compile("[ABC]\\d{0,16}");
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");

    private Items() {}

    /** A checked item with its amount. */
    public record Checked(ItemDraft item, BigDecimal amount) {}

    /** The checked items, their category and total. */
    public record Result(List<Checked> items, Category category, BigDecimal total) {}

    public static Result check(List<ItemDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw new Refusal(ProblemCode.REQUIREMENT_ITEMS_MISSING, "items");
        }
        if (drafts.size() > MAX_ITEMS) {
            throw new Refusal(ProblemCode.REQUIREMENT_TOO_MANY_ITEMS, "items", MAX_ITEMS);
        }
        List<Checked> out = new ArrayList<>();
        Category category = null;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < drafts.size(); i++) {
            ItemDraft d = drafts.get(i);
            int no = i + 1;
            String code = d.catalogueCode() == null ? "" : d.catalogueCode().strip();
            if (!CODE.matcher(code).matches()) {
                throw invalid(i, "catalogueCode");
            }
            Category c = Category.ofCode(code).orElseThrow();
            if (category == null) {
                category = c;
            } else if (category != c) {
                throw new Refusal(
                        ProblemCode.REQUIREMENT_CATEGORIES_MIXED,
                        "items[" + i + "].catalogueCode",
                        no,
                        new Localized("category." + category.name()),
                        new Localized("category." + c.name()));
            }
            String name = text(d.name(), 1, 200, i, "name");
            String spec = text(d.specification(), 0, 2000, i, "specification");
            String unit = text(d.unit(), 1, 20, i, "unit");
            BigDecimal q = d.quantity();
            if (q == null
                    || q.signum() <= 0
                    || q.stripTrailingZeros().scale() > 3
                    || q.compareTo(MAX_QUANTITY) > 0) {
                throw invalid(i, "quantity");
            }
            BigDecimal price = d.unitPrice();
            if (price == null || price.signum() <= 0 || price.stripTrailingZeros().scale() > 2) {
                throw invalid(i, "unitPrice");
            }
            BigDecimal amount = price.multiply(q).setScale(2, RoundingMode.HALF_UP);
            total = total.add(amount);
            out.add(
                    new Checked(
                            new ItemDraft(
                                    code,
                                    name,
                                    spec,
                                    q.setScale(3, RoundingMode.UNNECESSARY),
                                    unit,
                                    price.setScale(2, RoundingMode.UNNECESSARY)),
                            amount));
        }
        Money.of(total); // refuses AMOUNT_TOO_LARGE
        return new Result(List.copyOf(out), category, total.setScale(2, RoundingMode.UNNECESSARY));
    }

    private static String text(String value, int min, int max, int index, String field) {
        String v = value == null ? "" : value.strip();
        if (v.length() < min || v.length() > max) {
            throw invalid(index, field);
        }
        if (v.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\t')) {
            throw invalid(index, field);
        }
        return v;
    }

    private static Refusal invalid(int index, String field) {
        return new Refusal(
                ProblemCode.REQUIREMENT_ITEM_INVALID,
                "items[" + index + "]." + field,
                index + 1,
                new Localized("item." + field));
    }
}

package io.sunshine.procurement.contract.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the buyer withholds from the contract notice as a commercial secret (实施条例 第五十条: "但政府采购合同中涉及
 * 国家秘密、商业秘密的内容除外"). The parties, the amount and the dates are never withheld — public money; the
 * items' specifications and unit prices ({@code items}) and the performance period ({@code period})
 * may be. A withheld field is published as the words saying so, never silently left out.
 *
 * <pre>{@code
 * NoticeWithholding w = NoticeWithholding.of(Set.of("items"));
 * w.items(items); // "（涉及商业秘密，依法不予公开）"
 * }</pre>
 */
public final class NoticeWithholding {
    public static final String ITEMS = "items";
    public static final String PERIOD = "period";
    public static final List<String> FIELDS = List.of(ITEMS, PERIOD);
    public static final String WITHHELD = "（涉及商业秘密，依法不予公开）";

    private final Set<String> withheld;

    private NoticeWithholding(Set<String> withheld) {
        this.withheld = withheld;
    }

    /** The fields named, or CONTRACT_NOTICE_FIELD_UNKNOWN for a name that cannot be withheld. */
    public static NoticeWithholding of(Collection<String> names) {
        Set<String> w = new TreeSet<>();
        if (names != null) {
            for (String n : names) {
                if (n == null || !FIELDS.contains(n.strip())) {
                    throw new Refusal(
                            ProblemCode.CONTRACT_NOTICE_FIELD_UNKNOWN,
                            "withheld",
                            String.valueOf(n),
                            String.join(", ", FIELDS));
                }
                w.add(n.strip());
            }
        }
        return new NoticeWithholding(w);
    }

    /** The performance period as published. */
    public String period(String period) {
        return withheld.contains(PERIOD) ? WITHHELD : period;
    }

    /** The items as published: name, specification, quantity, unit price, one per line. */
    public String items(List<ContractItem> items) {
        if (withheld.contains(ITEMS)) {
            return WITHHELD;
        }
        StringBuilder sb = new StringBuilder();
        for (ContractItem i : items) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(i.lineNo())
                    .append(". ")
                    .append(i.name())
                    .append("（")
                    .append(i.specification() == null ? "" : i.specification())
                    .append("），")
                    .append(plain(i.quantity()))
                    .append(i.unit())
                    .append("，单价 ")
                    .append(money(i.unitPrice()))
                    .append(" 元");
        }
        return sb.toString();
    }

    /** The withheld field names as stored, comma-separated, or null for none. */
    public String stored() {
        return withheld.isEmpty() ? null : String.join(",", withheld);
    }

    private static String money(BigDecimal d) {
        return (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().scale() < 0
                ? d.setScale(0).toPlainString()
                : d.stripTrailingZeros().toPlainString();
    }
}

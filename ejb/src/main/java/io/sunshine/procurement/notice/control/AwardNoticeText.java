package io.sunshine.procurement.notice.control;

import io.sunshine.platform.control.ChineseCapitalAmount;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result sections of an award notice (中标/成交结果公告), as 实施条例 第四十三条第三款 lists them: each awarded
 * lot's supplier with its name, address and amount ({@code {{awards}}}), and the main subject
 * matter — name, specification, quantity, unit price ({@code {{lots}}}). The amount is written in
 * figures and in Chinese capitals; the 统一社会信用代码 identifies the supplier.
 *
 * <pre>{@code
 * String awards = AwardNoticeText.awards(List.of(new Winner(1, "第1包", "滨江某公司", code, null,
 *         new BigDecimal("44000.00"))));
 * }</pre>
 */
public final class AwardNoticeText {
    private AwardNoticeText() {}

    /**
     * One awarded lot.
     *
     * @param address the supplier's address, or {@code null} when the platform does not hold it
     */
    public record Winner(
            int lotNo,
            String lotTitle,
            String supplierName,
            String creditCode,
            String address,
            BigDecimal amount) {
        public Winner {
            Objects.requireNonNull(supplierName, "The supplier's name is required.");
            Objects.requireNonNull(amount, "The awarded amount is required.");
        }
    }

    /** One item of an awarded lot. */
    public record Item(
            int lineNo,
            String name,
            String catalogueCode,
            String specification,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice) {}

    /** One awarded lot's subject matter. */
    public record Lot(int lotNo, String title, List<Item> items) {}

    /** The {@code {{awards}}} section: one paragraph per awarded lot. */
    public static String awards(List<Winner> winners) {
        StringBuilder sb = new StringBuilder();
        for (Winner w : winners) {
            sb.append("第").append(w.lotNo()).append("包");
            if (w.lotTitle() != null && !w.lotTitle().isBlank()) {
                sb.append("（").append(w.lotTitle()).append("）");
            }
            sb.append('\n');
            sb.append("  成交供应商名称：").append(w.supplierName()).append('\n');
            sb.append("  统一社会信用代码：")
                    .append(
                            w.creditCode() == null || w.creditCode().isBlank()
                                    ? "未登记"
                                    : w.creditCode())
                    .append('\n');
            sb.append("  供应商地址：")
                    .append(w.address() == null || w.address().isBlank() ? "未在平台登记" : w.address())
                    .append('\n');
            sb.append("  成交金额：")
                    .append(figures(w.amount()))
                    .append(" 元（")
                    .append(ChineseCapitalAmount.of(w.amount()))
                    .append("）\n");
        }
        return sb.toString().stripTrailing();
    }

    /** The {@code {{lots}}} section: each awarded lot's items. */
    public static String lots(List<Lot> lots) {
        StringBuilder sb = new StringBuilder();
        for (Lot l : lots) {
            sb.append("第").append(l.lotNo()).append("包：").append(l.title()).append('\n');
            for (Item i : l.items()) {
                sb.append("  ")
                        .append(i.lineNo())
                        .append(". ")
                        .append(i.name())
                        .append("（")
                        .append(i.catalogueCode())
                        .append("）");
                if (i.specification() != null && !i.specification().isBlank()) {
                    sb.append("，规格型号：").append(i.specification());
                }
                sb.append("，数量：")
                        .append(i.quantity().stripTrailingZeros().toPlainString())
                        .append(i.unit())
                        .append("，预算单价：")
                        .append(figures(i.unitPrice()))
                        .append(" 元\n");
            }
        }
        return sb.toString().stripTrailing();
    }

    /** An amount in figures with thousands separators: 44,000.00. */
    public static String figures(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(amount);
    }
}

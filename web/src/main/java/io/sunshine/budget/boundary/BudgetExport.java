package io.sunshine.budget.boundary;

import io.sunshine.platform.control.XlsxSheet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The budget line list as an Excel workbook, headed in the reader's language. */
public final class BudgetExport {
    private BudgetExport() {}

    public static byte[] workbook(List<BudgetLineView> lines, Locale locale) {
        ResourceBundle m = ResourceBundle.getBundle("io.sunshine.web.messages", locale);
        XlsxSheet sheet =
                new XlsxSheet(
                        m.getString("budget.export.sheet"),
                        List.of(
                                m.getString("budget.year"),
                                m.getString("budget.code"),
                                m.getString("budget.name"),
                                m.getString("budget.unit"),
                                m.getString("budget.functionalCode"),
                                m.getString("budget.economicCode"),
                                m.getString("budget.fundingSource"),
                                m.getString("budget.approved"),
                                m.getString("budget.frozen"),
                                m.getString("budget.spent"),
                                m.getString("budget.free")));
        for (BudgetLineView l : lines) {
            sheet.row(
                    l.fiscalYear(),
                    l.code(),
                    l.name(),
                    l.unitName(),
                    l.functionalCode(),
                    l.economicCode(),
                    m.getString("funding." + l.fundingSource().name()),
                    l.approved(),
                    l.frozen(),
                    l.spent(),
                    l.free());
        }
        return sheet.toBytes();
    }

    public static String fileName(Locale locale) {
        ResourceBundle m = ResourceBundle.getBundle("io.sunshine.web.messages", locale);
        return URLEncoder.encode(m.getString("budget.export.file"), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}

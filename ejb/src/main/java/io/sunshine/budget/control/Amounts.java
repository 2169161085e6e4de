package io.sunshine.budget.control;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as refusals and pages print them: 1,234,567.80 (the same in zh-CN and en). */
public final class Amounts {
    private Amounts() {}

    public static String format(BigDecimal amount) {
        DecimalFormat f =
                new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(amount);
    }
}

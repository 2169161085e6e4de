package io.sunshine.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.MissingResourceException;

/** How pages show times and dates: always in Beijing time (Asia/Shanghai). */
@Named
@ApplicationScoped
public class Formats {
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

    public String instant(Instant t) {
        return t == null ? "" : MINUTES.format(t);
    }

    public String instantSeconds(Instant t) {
        return t == null ? "" : SECONDS.format(t);
    }

    /** The label of an audit action in the page's language; the code itself when it has none. */
    public String action(String code) {
        try {
            return FacesProblems.text("audit.action." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    /** An amount in yuan with grouping and two decimals: 1,234,567.80. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat f =
                new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(amount);
    }

    public String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    public String weekday(LocalDate d, Locale locale) {
        return d.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
    }
}

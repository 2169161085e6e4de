package io.sunshine.procurement.notice.control;

import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One minimum period of the rule table, e.g. {@code 20 days} (LAW_35) or {@code 3 working days}
 * (MOF_74), with the citation of its source.
 *
 * <pre>{@code
 * StatutoryPeriod tender = StatutoryPeriod.parse("20 days", "LAW_35");
 * LocalDate earliest = tender.endAfter(LocalDate.of(2026, 3, 2), calendar); // 2026-03-23
 * }</pre>
 *
 * @param length how many days or working days, 1 to {@value #MAX_LENGTH}
 * @param unit how they are counted
 * @param source the citation: {@code source.<source>} is its text in the problems bundle
 */
public record StatutoryPeriod(int length, PeriodUnit unit, String source) {
    public static final int MAX_LENGTH = 365;
    private static final Pattern VALUE =
            Pattern.compile("([0-9]{1,3})\\s+(days?|working\\s+days?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public StatutoryPeriod {
        Objects.requireNonNull(unit, "A period unit is required.");
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("A period is 1 to " + MAX_LENGTH + ": " + length);
        }
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("A source is a key like LAW_35: " + source);
        }
    }

    /**
     * Reads {@code "20 days"} or {@code "3 working days"} (any case and spacing, "day" for one).
     *
     * @return the period, or {@code null} when either text is not acceptable
     */
    static StatutoryPeriod parse(String value, String source) {
        if (value == null || source == null) {
            return null;
        }
        Matcher m = VALUE.matcher(value.strip());
        if (!m.matches() || !SOURCE.matcher(source.strip()).matches()) {
            return null;
        }
        int length = Integer.parseInt(m.group(1));
        if (length < 1 || length > MAX_LENGTH) {
            return null;
        }
        PeriodUnit unit =
                m.group(2).toLowerCase(Locale.ROOT).startsWith("working")
                        ? PeriodUnit.WORKING_DAYS
                        : PeriodUnit.DAYS;
        return new StatutoryPeriod(length, unit, source.strip());
    }

    /** The value as the rule table writes it, the inverse of {@link #parse}. */
    public String value() {
        return unit.words(length);
    }

    /**
     * The last day of this period when it starts after {@code day} (that day not counted): for
     * calendar days moved off a rest day to the next working day, for working days the {@code
     * length}-th working day.
     *
     * @throws io.sunshine.platform.control.Refusal CALENDAR_YEAR_NOT_COVERED when the count needs a
     *     year the calendar does not cover
     */
    public LocalDate endAfter(LocalDate day, WorkingDayCalendar calendar) {
        return switch (unit) {
            case DAYS -> calendar.addCalendarDays(day, length);
            case WORKING_DAYS -> calendar.addWorkingDays(day, length);
        };
    }

    /** "20 日" / "20 days" in the caller's language. */
    public Localized describe() {
        return new Localized("period." + unit.name(), length);
    }

    /** The source's citation in the caller's language. */
    public Localized citation() {
        return new Localized("source." + source);
    }
}

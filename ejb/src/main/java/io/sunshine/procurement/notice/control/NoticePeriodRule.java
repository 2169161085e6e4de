package io.sunshine.procurement.notice.control;

import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.platform.control.WorkingDayCalendar;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Whether a notice leaves its statutory period before its deadline: 20 days for a tender (Law art.
 * 35), 10 days for a consultation, 3 working days for a negotiation or a request for quotation, 5
 * working days for a single-source public notice (条例 art. 38), 3 working days before a reverse
 * auction starts (platform rule) — as the rule table says.
 *
 * <p>Periods are whole days in Asia/Shanghai: the day of publication is not counted and the
 * deadline may fall on the last day of the period, at any time of that day (民法典 第二百零一条). A
 * calendar-day period whose last day is a rest day runs to the next working day (第二百零三条). A date in
 * a year the holiday calendar does not cover is refused (CALENDAR_YEAR_NOT_COVERED), never guessed.
 *
 * <pre>{@code
 * NoticePeriodRule rule = new NoticePeriodRule(table, calendar);
 * rule.earliestDeadline(OPEN_TENDER, LocalDate.of(2026, 3, 2)); // 2026-03-23 (22nd is a Sunday)
 * rule.check(OPEN_TENDER, publishedAt, bidDeadline, "bidDeadline"); // or Refusal NOTICE_PERIOD_TOO_SHORT
 * }</pre>
 */
public final class NoticePeriodRule {
    /** Every statutory date is a date in Beijing time. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final NoticePeriods table;
    private final WorkingDayCalendar calendar;

    public NoticePeriodRule(NoticePeriods table, WorkingDayCalendar calendar) {
        this.table = Objects.requireNonNull(table, "The period table is required.");
        this.calendar = Objects.requireNonNull(calendar, "The holiday calendar is required.");
    }

    /** The date of an instant in Beijing time. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(SHANGHAI).toLocalDate();
    }

    /** The earliest day a deadline of this method may fall on after a notice published that day. */
    public LocalDate earliestDeadline(ProcurementMethod method, LocalDate publishedOn) {
        Objects.requireNonNull(method, "A procurement method is required.");
        Objects.requireNonNull(publishedOn, "A publication date is required.");
        return table.notice(method).endAfter(publishedOn, calendar);
    }

    /**
     * @param field the request field of the deadline, named in the refusal
     * @throws Refusal NOTICE_PERIOD_TOO_SHORT when the deadline is before the end of the period,
     *     with arguments: {0} the method, {1} the source, {2} the minimum, {3} the earliest lawful
     *     deadline, {4} the deadline given, {5} what the period runs from and to;
     *     CALENDAR_YEAR_NOT_COVERED when the count or the deadline needs an uncovered year
     */
    public void check(ProcurementMethod method, Instant published, Instant deadline, String field) {
        Objects.requireNonNull(published, "A publication time is required.");
        Objects.requireNonNull(deadline, "A deadline is required.");
        check(method, dayOf(published), dayOf(deadline), field);
    }

    /** As {@link #check(ProcurementMethod, Instant, Instant, String)}, on days in Beijing time. */
    public void check(
            ProcurementMethod method, LocalDate publishedOn, LocalDate deadlineOn, String field) {
        Objects.requireNonNull(deadlineOn, "A deadline is required.");
        LocalDate earliest = earliestDeadline(method, publishedOn);
        if (deadlineOn.isBefore(earliest)) {
            StatutoryPeriod p = table.notice(method);
            throw new Refusal(
                    ProblemCode.NOTICE_PERIOD_TOO_SHORT,
                    field,
                    new Localized("method." + method),
                    p.citation(),
                    p.describe(),
                    earliest.toString(),
                    deadlineOn.toString(),
                    PeriodKind.of(method).span());
        }
        requireCovered(deadlineOn, field);
    }

    /**
     * A deadline in a year without a holiday arrangement is refused even when it is well after the
     * period: the platform cannot say whether it falls on a holiday (RULES.md: "a deadline that
     * falls in a year with no calendar is refused rather than guessed").
     */
    private void requireCovered(LocalDate day, String field) {
        if (!calendar.covers(day)) {
            throw new Refusal(
                    ProblemCode.CALENDAR_YEAR_NOT_COVERED,
                    field,
                    String.valueOf(day.getYear()),
                    day.toString());
        }
    }
}

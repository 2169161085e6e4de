package io.sunshine.procurement.notice.control;

import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.platform.control.WorkingDayCalendar;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A correction of the documents that may affect the preparation of bids or responses must appear at
 * least a period before the deadline, or the deadline moves (顺延): for a tender 15 days (条例 art. 31
 * para. 2), for the other methods as the rule table says. A correction that cannot affect
 * preparation moves nothing and is not asked about.
 *
 * <p>Counted as the notice periods are ({@link NoticePeriodRule}): the day of the correction is not
 * counted and the deadline may fall on the last day of the period, so a tender corrected on 1 March
 * may keep a deadline on 16 March; a calendar-day period ending on a rest day runs to the next
 * working day, which never lets a deadline come earlier than the law allows.
 *
 * <pre>{@code
 * CorrectionOutcome o = new CorrectionRule(table, calendar)
 *         .assess(OPEN_TENDER, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20));
 * o.deadlineMustMove(); // true
 * o.earliestDeadline(); // 2026-03-25 (10 March + 15 days)
 * }</pre>
 */
public final class CorrectionRule {
    private final NoticePeriods table;
    private final WorkingDayCalendar calendar;

    public CorrectionRule(NoticePeriods table, WorkingDayCalendar calendar) {
        this.table = Objects.requireNonNull(table, "The period table is required.");
        this.calendar = Objects.requireNonNull(calendar, "The holiday calendar is required.");
    }

    /**
     * @throws IllegalArgumentException for a single-source public notice, which has no deadline to
     *     move (a changed notice is published anew)
     * @throws Refusal CALENDAR_YEAR_NOT_COVERED when the count needs an uncovered year
     */
    public CorrectionOutcome assess(
            ProcurementMethod method, LocalDate correctedOn, LocalDate currentDeadline) {
        Objects.requireNonNull(correctedOn, "The day of the correction is required.");
        Objects.requireNonNull(currentDeadline, "The current deadline is required.");
        StatutoryPeriod rule = rule(method);
        LocalDate earliest = rule.endAfter(correctedOn, calendar);
        return new CorrectionOutcome(
                currentDeadline.isBefore(earliest), earliest, currentDeadline, rule);
    }

    /** As {@link #assess(ProcurementMethod, LocalDate, LocalDate)}, on instants. */
    public CorrectionOutcome assess(
            ProcurementMethod method, Instant corrected, Instant currentDeadline) {
        Objects.requireNonNull(corrected, "The time of the correction is required.");
        Objects.requireNonNull(currentDeadline, "The current deadline is required.");
        return assess(
                method, NoticePeriodRule.dayOf(corrected), NoticePeriodRule.dayOf(currentDeadline));
    }

    /**
     * Checks the deadline a correction sets (or keeps).
     *
     * @throws Refusal CORRECTION_DEADLINE_TOO_EARLY with arguments: {0} the method, {1} the source,
     *     {2} the correction period, {3} the earliest lawful deadline, {4} the deadline given, {5}
     *     the day of the correction; CALENDAR_YEAR_NOT_COVERED when the count or the deadline needs
     *     an uncovered year
     */
    public void check(
            ProcurementMethod method, Instant corrected, Instant newDeadline, String field) {
        CorrectionOutcome o = assess(method, corrected, newDeadline);
        if (o.deadlineMustMove()) {
            throw new Refusal(
                    ProblemCode.CORRECTION_DEADLINE_TOO_EARLY,
                    field,
                    new Localized("method." + method),
                    o.rule().citation(),
                    o.rule().describe(),
                    o.earliestDeadline().toString(),
                    o.currentDeadline().toString(),
                    NoticePeriodRule.dayOf(corrected).toString());
        }
        LocalDate deadline = o.currentDeadline();
        if (!calendar.covers(deadline)) {
            throw new Refusal(
                    ProblemCode.CALENDAR_YEAR_NOT_COVERED,
                    field,
                    String.valueOf(deadline.getYear()),
                    deadline.toString());
        }
    }

    private StatutoryPeriod rule(ProcurementMethod method) {
        Objects.requireNonNull(method, "A procurement method is required.");
        return table.correction(method)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "No deadline to move for "
                                                + method
                                                + ": publish a new public notice instead."));
    }
}

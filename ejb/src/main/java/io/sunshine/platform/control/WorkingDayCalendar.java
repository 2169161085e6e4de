package io.sunshine.platform.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The platform's working-day calendar: Monday to Friday are working days, except public holidays; a
 * Saturday or Sunday declared a make-up working day (调休上班) is one.
 *
 * <p>It knows only the years it was given. A question about any other year is refused with
 * CALENDAR_YEAR_NOT_COVERED rather than guessed: the State Council publishes each year's
 * arrangement in November, and a deadline computed on a guess could be wrong by a week.
 *
 * <pre>{@code
 * WorkingDayCalendar cal = HolidayCalendarFile.parse(lines);
 * LocalDate deadline = cal.addWorkingDays(LocalDate.of(2026, 4, 28), 3); // 2026-05-06
 * }</pre>
 */
public final class WorkingDayCalendar {
    private final Map<Integer, String> coveredYears;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    /**
     * @param coveredYears each year the calendar speaks for, with the source of its arrangement
     * @param holidays public holidays (rest days falling on weekdays or weekends)
     * @param makeUpWorkingDays weekend days that are working days
     */
    public WorkingDayCalendar(
            Map<Integer, String> coveredYears,
            Set<LocalDate> holidays,
            Set<LocalDate> makeUpWorkingDays) {
        this.coveredYears = Collections.unmodifiableMap(new TreeMap<>(coveredYears));
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        for (LocalDate d : holidays) {
            requireCovered(d, "holidays");
            if (makeUpWorkingDays.contains(d)) {
                throw new IllegalArgumentException(d + " is both a holiday and a working day.");
            }
        }
        for (LocalDate d : makeUpWorkingDays) {
            requireCovered(d, "makeUpWorkingDays");
        }
    }

    /** The years this calendar covers, ascending. */
    public NavigableSet<Integer> coveredYears() {
        return Collections.unmodifiableNavigableSet(new TreeSet<>(coveredYears.keySet()));
    }

    /** The source of a covered year's arrangement, e.g. the State Council notice. */
    public String sourceOf(int year) {
        return coveredYears.get(year);
    }

    public boolean covers(LocalDate date) {
        return coveredYears.containsKey(date.getYear());
    }

    /**
     * @throws Refusal CALENDAR_YEAR_NOT_COVERED (with {@code field}) for a date in a year the
     *     calendar does not cover
     */
    public boolean isWorkingDay(LocalDate date, String field) {
        requireCovered(date, field);
        if (holidays.contains(date)) {
            return false;
        }
        if (makeUpWorkingDays.contains(date)) {
            return true;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    public boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(date, "date");
    }

    /**
     * From when a duty of {@code n} working days after {@code event} is late, in {@code zone}: the
     * start of the day after the n-th working day ({@code event}'s own day not counted); empty when
     * the period runs into a year the calendar does not cover (no due day is claimed rather than a
     * guessed one). Unlike {@link #addWorkingDays}, never refuses.
     */
    public Optional<Instant> lateFrom(Instant event, int n, ZoneId zone) {
        LocalDate probe = event.atZone(zone).toLocalDate();
        int counted = 0;
        while (covers(probe)) {
            if (counted == n) {
                return Optional.of(probe.plusDays(1).atStartOfDay(zone).toInstant());
            }
            probe = probe.plusDays(1);
            if (covers(probe) && isWorkingDay(probe)) {
                counted++;
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code n}-th working day after {@code from} ({@code from} itself not counted, as a
     * statutory period starts on the day after the event). With n = 0, {@code from} itself.
     *
     * @throws Refusal CALENDAR_YEAR_NOT_COVERED if the count runs through an uncovered year
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "A start date is required.");
        if (n < 0) {
            throw new Refusal(ProblemCode.PERIOD_OUT_OF_RANGE, "workingDays", String.valueOf(n));
        }
        requireCovered(from, "from");
        LocalDate d = from;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d, "workingDays")) {
                counted++;
            }
        }
        return d;
    }

    /**
     * The end of a period of {@code n} calendar days after {@code from}. When the last day is a
     * rest day the period ends on the next working day: 民法典 第二百零三条 (期间的最后一日是法定
     * 休假日的，以法定休假日结束的次日为期间的最后一日).
     */
    public LocalDate addCalendarDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "A start date is required.");
        if (n < 0) {
            throw new Refusal(ProblemCode.PERIOD_OUT_OF_RANGE, "days", String.valueOf(n));
        }
        requireCovered(from, "from");
        LocalDate d = from.plusDays(n);
        while (!isWorkingDay(d, "days")) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * Working days strictly after {@code from} up to and including {@code to}: how many working
     * days a period has run. Zero when {@code to} is not after {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        requireCovered(from, "from");
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d, "to")) {
                count++;
            }
        }
        return count;
    }

    private void requireCovered(LocalDate date, String field) {
        if (!coveredYears.containsKey(date.getYear())) {
            throw new Refusal(
                    ProblemCode.CALENDAR_YEAR_NOT_COVERED,
                    field,
                    String.valueOf(date.getYear()),
                    date.toString());
        }
    }
}

package io.sunshine.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the real calendar file of config/ (2025 and 2026 from the State Council notices). */
class WorkingDayCalendarTest {
    static WorkingDayCalendar cal;

    @BeforeAll
    static void readTheShippedCalendar() throws IOException {
        cal =
                HolidayCalendarFile.parse(
                        Files.readAllLines(
                                Path.of("../config/calendar/holiday-calendar.csv"),
                                StandardCharsets.UTF_8));
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void coversExactly2025And2026() {
        assertEquals(List.of(2025, 2026), List.copyOf(cal.coveredYears()));
    }

    @Test
    void weekdaysWorkWeekendsRest() {
        assertTrue(cal.isWorkingDay(d("2026-04-28"))); // Tuesday
        assertFalse(cal.isWorkingDay(d("2026-05-16"))); // Saturday
        assertFalse(cal.isWorkingDay(d("2026-05-17"))); // Sunday
    }

    @Test
    void publicHolidaysRestEvenOnWeekdays() {
        assertFalse(cal.isWorkingDay(d("2025-10-08"))); // Wednesday, National Day 2025
        assertFalse(cal.isWorkingDay(d("2026-02-16"))); // Monday, Spring Festival 2026
        assertFalse(cal.isWorkingDay(d("2026-06-19"))); // Friday, Dragon Boat 2026
    }

    @Test
    void makeUpSaturdaysAndSundaysAreWorkingDays() {
        assertTrue(cal.isWorkingDay(d("2025-09-28"))); // Sunday 调休
        assertTrue(cal.isWorkingDay(d("2025-10-11"))); // Saturday 调休
        assertTrue(cal.isWorkingDay(d("2026-01-04"))); // Sunday 调休
        assertTrue(cal.isWorkingDay(d("2026-02-28"))); // Saturday 调休
        assertTrue(cal.isWorkingDay(d("2026-10-10"))); // Saturday 调休
    }

    @Test
    void threeWorkingDaysFromTheIssueExampleSkipLabourDay() {
        // 2026-04-28 Tue → 29 Wed (1), 30 Thu (2), 1–5 May off, 6 May Wed (3)
        assertEquals(d("2026-05-06"), cal.addWorkingDays(d("2026-04-28"), 3));
    }

    @Test
    void workingDaysCountTheMakeUpSaturdayAcrossNationalDay2025() {
        // 2025-09-26 Fri → 28 Sun make-up (1), 29 Mon (2), 30 Tue (3), 1–8 Oct off, 9 Thu (4),
        // 10 Fri (5), 11 Sat make-up (6)
        assertEquals(d("2025-10-11"), cal.addWorkingDays(d("2025-09-26"), 6));
        assertEquals(d("2025-10-09"), cal.addWorkingDays(d("2025-09-30"), 1));
    }

    @Test
    void zeroWorkingDaysIsTheStartDay() {
        assertEquals(d("2026-04-28"), cal.addWorkingDays(d("2026-04-28"), 0));
    }

    @Test
    void calendarDayPeriodEndingOnAHolidayMovesToTheNextWorkingDay() {
        // 20 days after 2025-09-15 is 2025-10-05, inside National Day: ends 2025-10-09
        assertEquals(d("2025-10-09"), cal.addCalendarDays(d("2025-09-15"), 20));
        // 20 days after 2026-03-02 is 2026-03-22, a Sunday: ends Monday 2026-03-23
        assertEquals(d("2026-03-23"), cal.addCalendarDays(d("2026-03-02"), 20));
        // ending on a make-up Saturday is a working day: it stays
        assertEquals(d("2026-02-28"), cal.addCalendarDays(d("2026-02-08"), 20));
    }

    @Test
    void aDateInAYearWithoutCalendarIsRefusedNotGuessed() {
        Refusal r = assertThrows(Refusal.class, () -> cal.isWorkingDay(d("2027-03-01"), "from"));
        assertEquals(ProblemCode.CALENDAR_YEAR_NOT_COVERED, r.code());
        assertEquals("from", r.field());
        assertEquals("2027", r.args()[0]);
    }

    @Test
    void aPeriodRunningIntoAnUncoveredYearIsRefused() {
        Refusal r = assertThrows(Refusal.class, () -> cal.addWorkingDays(d("2026-12-28"), 10));
        assertEquals(ProblemCode.CALENDAR_YEAR_NOT_COVERED, r.code());
        assertThrows(Refusal.class, () -> cal.addCalendarDays(d("2024-12-30"), 3));
    }

    @Test
    void aYearDeclaredTwiceIsRefusedSoAnAddedFileCannotSilentlyOverrideTheShippedOne() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                HolidayCalendarFile.parse(
                                        java.util.List.of(
                                                "YEAR,2026,shipped",
                                                "# added",
                                                "YEAR,2026,again")));
        assertTrue(e.getMessage().contains("2026"), e.getMessage());
    }

    @Test
    void negativePeriodsAreRefused() {
        assertEquals(
                ProblemCode.PERIOD_OUT_OF_RANGE,
                assertThrows(Refusal.class, () -> cal.addWorkingDays(d("2026-04-28"), -1)).code());
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() {
        assertEquals(3, cal.workingDaysBetween(d("2026-04-28"), d("2026-05-06")));
    }

    @Test
    void aMalformedCalendarLineStopsTheLoad() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> HolidayCalendarFile.parse(List.of("YEAR,2026,x", "OFF,2026-13-01")));
        assertTrue(e.getMessage().startsWith("Line 2"));
    }
}

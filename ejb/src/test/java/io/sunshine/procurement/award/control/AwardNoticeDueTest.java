package io.sunshine.procurement.award.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sunshine.platform.control.HolidayCalendarFile;
import io.sunshine.platform.control.WorkingDayCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 实施条例 第四十三条: the award notice within 2 working days of the result, on the shipped calendar. */
class AwardNoticeDueTest {
    static WorkingDayCalendar calendar;

    @BeforeAll
    static void shippedCalendar() throws IOException {
        calendar =
                HolidayCalendarFile.parse(
                        Files.readAllLines(
                                Path.of("../config/calendar/holiday-calendar.csv"),
                                StandardCharsets.UTF_8));
    }

    private static Instant beijing(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    private static Optional<Instant> due(String resultAt) {
        return AwardNoticeDue.after(beijing(resultAt), calendar);
    }

    @Test
    void theResultDayIsNotCountedAndTheSecondWorkingDayAfterItIsTheLast() {
        // Friday 11 December 2026 → Monday 14, Tuesday 15: late from Wednesday 16 at 00:00
        assertEquals(Optional.of(beijing("2026-12-16T00:00")), due("2026-12-11T00:00"));
        assertEquals(Optional.of(beijing("2026-12-16T00:00")), due("2026-12-11T10:40"));
    }

    @Test
    void holidaysAreSkippedAndMakeUpWorkingDaysCount() {
        // Thursday 24 September 2026: 25–27 中秋节 off → Monday 28, Tuesday 29
        assertEquals(Optional.of(beijing("2026-09-30T00:00")), due("2026-09-24T16:00"));
        // Saturday 19 September 2026: Sunday 20 is a make-up working day → 20, Monday 21
        assertEquals(Optional.of(beijing("2026-09-22T00:00")), due("2026-09-19T09:00"));
        // Wednesday 30 September 2026: 1–7 October 国庆节 → Thursday 8, Friday 9
        assertEquals(Optional.of(beijing("2026-10-10T00:00")), due("2026-09-30T15:00"));
    }

    @Test
    void theDayIsTheDayInBeijingNotInUtc() {
        // 16:30 UTC on Thursday 10 December is 00:30 on Friday 11 December in Beijing
        assertEquals(
                Optional.of(beijing("2026-12-16T00:00")),
                AwardNoticeDue.after(Instant.parse("2026-12-10T16:30:00Z"), calendar));
        // 15:30 UTC is still Thursday there: Friday 11, Monday 14
        assertEquals(
                Optional.of(beijing("2026-12-15T00:00")),
                AwardNoticeDue.after(Instant.parse("2026-12-10T15:30:00Z"), calendar));
    }

    @Test
    void aPeriodRunningIntoAnUncoveredYearClaimsNoDueDay() {
        // Wednesday 30 December 2026: Thursday 31 counts, 2027 is not on the calendar
        assertEquals(Optional.empty(), due("2026-12-30T11:00"));
        assertEquals(Optional.empty(), due("2031-05-06T11:00"));
        // Monday 28 December: Tuesday 29, Wednesday 30 — inside 2026
        assertEquals(Optional.of(beijing("2026-12-31T00:00")), due("2026-12-28T11:00"));
    }
}

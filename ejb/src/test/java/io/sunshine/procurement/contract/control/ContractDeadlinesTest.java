package io.sunshine.procurement.contract.control;

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

/** 政府采购法 第四十六、四十七条, 实施条例 第五十条 on the shipped calendar. */
class ContractDeadlinesTest {
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

    @Test
    void signingIsLateFromTheThirtyFirstDayAfterTheNoticeAndWarnedFromTheTwentyFifth() {
        Instant notice = beijing("2026-11-02T23:59:00");
        assertEquals(beijing("2026-12-03T00:00:00"), ContractDeadlines.signLateFrom(notice));
        assertEquals(beijing("2026-11-27T00:00:00"), ContractDeadlines.signWarnFrom(notice));
        // the day is Shanghai's: 16:30 UTC on 1 November is already 2 November in Beijing
        assertEquals(
                beijing("2026-12-03T00:00:00"),
                ContractDeadlines.signLateFrom(Instant.parse("2026-11-01T16:30:00Z")));
    }

    @Test
    void theNoticeIsDueTwoWorkingDaysAfterSigningNotCountingTheDayItself() {
        // Friday 11 December 2026 → Monday 14, Tuesday 15: late from Wednesday 16
        assertEquals(
                Optional.of(beijing("2026-12-16T00:00:00")),
                ContractDeadlines.workingDaysAfter(
                        beijing("2026-12-11T17:00:00"),
                        ContractDeadlines.NOTICE_WORKING_DAYS,
                        calendar));
    }

    @Test
    void filingSkipsTheNationalDayHolidayAndCountsTheWorkingSaturday() {
        // Tuesday 29 September 2026: 30 Sep, then 1–7 October off, 8, 9, Saturday 10 (working), 12,
        // 13, 14 → the seventh working day is Wednesday 14 October
        assertEquals(
                Optional.of(beijing("2026-10-15T00:00:00")),
                ContractDeadlines.workingDaysAfter(
                        beijing("2026-09-29T10:00:00"),
                        ContractDeadlines.FILING_WORKING_DAYS,
                        calendar));
    }

    @Test
    void noDayIsClaimedBeyondTheCalendar() {
        assertEquals(
                Optional.empty(),
                ContractDeadlines.workingDaysAfter(
                        beijing("2026-12-28T10:00:00"),
                        ContractDeadlines.FILING_WORKING_DAYS,
                        calendar));
    }
}

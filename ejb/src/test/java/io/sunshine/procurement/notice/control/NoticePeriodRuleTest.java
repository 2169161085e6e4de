package io.sunshine.procurement.notice.control;

import static io.sunshine.procurement.requirement.entity.ProcurementMethod.COMPETITIVE_CONSULTATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.COMPETITIVE_NEGOTIATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.INVITED_TENDER;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.OPEN_TENDER;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.REQUEST_FOR_QUOTATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.REVERSE_AUCTION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.SINGLE_SOURCE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statutory periods on the shipped table and the shipped 2025–2026 holiday calendar. Each rule
 * is checked at its boundary: the last day short of the period refused, the first lawful day
 * accepted.
 */
class NoticePeriodRuleTest {
    /** Spelt out here, not taken from the class under test. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private NoticePeriodRule rule;

    @BeforeEach
    void shippedRulesAndCalendar() {
        rule = new NoticePeriodRule(ShippedRules.table(), ShippedRules.calendar());
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** A Beijing wall-clock time as the instant the platform stores. */
    private static Instant beijing(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime).atZone(BEIJING).toInstant();
    }

    private void assertBoundary(ProcurementMethod m, String published, String earliest) {
        LocalDate p = d(published);
        LocalDate e = d(earliest);
        assertEquals(e, rule.earliestDeadline(m, p), m + " published " + published);
        assertDoesNotThrow(() -> rule.check(m, p, e, "deadline"));
        Refusal r = assertThrows(Refusal.class, () -> rule.check(m, p, e.minusDays(1), "deadline"));
        assertEquals(ProblemCode.NOTICE_PERIOD_TOO_SHORT, r.code());
        assertEquals("deadline", r.field());
        assertEquals(earliest, r.args()[3]);
    }

    // ---- calendar-day periods

    @Test
    void aTenderLeavesTwentyDaysFromTheIssueOfTheDocuments() {
        // issued Tue 10 March 2026: 11 March is day 1, Mon 30 March day 20
        assertBoundary(OPEN_TENDER, "2026-03-10", "2026-03-30");
        assertBoundary(INVITED_TENDER, "2026-03-10", "2026-03-30");
    }

    @Test
    void aConsultationLeavesTenDays() {
        // issued Tue 3 Feb 2026: day 10 is Fri 13 Feb
        assertBoundary(COMPETITIVE_CONSULTATION, "2026-02-03", "2026-02-13");
    }

    @Test
    void aCalendarDayPeriodEndingInTheNationalDayHolidayRunsToTheNextWorkingDay() {
        // issued Mon 15 Sep 2025: day 20 is Sun 5 Oct, inside the holiday of 1–8 Oct; the period
        // ends on Thu 9 Oct (民法典 第二百零三条). A deadline on 8 Oct, already 23 days later, is
        // still inside the period.
        assertBoundary(OPEN_TENDER, "2025-09-15", "2025-10-09");
        assertThrows(
                Refusal.class,
                () -> rule.check(OPEN_TENDER, d("2025-09-15"), d("2025-10-05"), "x"));
        // a consultation issued Fri 26 Sep 2025: day 10 is Mon 6 Oct, a holiday
        assertBoundary(COMPETITIVE_CONSULTATION, "2025-09-26", "2025-10-09");
    }

    @Test
    void aCalendarDayPeriodEndingInTheSpringFestivalRunsToTheNextWorkingDay() {
        // tender issued Mon 26 Jan 2026: day 20 is Sun 15 Feb, first day of 15–23 Feb
        assertBoundary(OPEN_TENDER, "2026-01-26", "2026-02-24");
        // consultation issued Mon 9 Feb 2026: day 10 is Thu 19 Feb, in the holiday
        assertBoundary(COMPETITIVE_CONSULTATION, "2026-02-09", "2026-02-24");
    }

    @Test
    void aCalendarDayPeriodEndingOnASundayRunsToMonday() {
        // issued Mon 2 March 2026: day 20 is Sun 22 March
        assertBoundary(OPEN_TENDER, "2026-03-02", "2026-03-23");
    }

    @Test
    void aCalendarDayPeriodEndingOnAMakeUpSaturdayEndsThere() {
        // issued Sun 8 Feb 2026: day 20 is Sat 28 Feb, a make-up working day (调休上班)
        assertBoundary(OPEN_TENDER, "2026-02-08", "2026-02-28");
    }

    // ---- working-day periods

    @Test
    void negotiationAndQuotationLeaveThreeWorkingDays() {
        // issued Tue 10 March 2026: Wed 11 (1), Thu 12 (2), Fri 13 (3)
        assertBoundary(COMPETITIVE_NEGOTIATION, "2026-03-10", "2026-03-13");
        assertBoundary(REQUEST_FOR_QUOTATION, "2026-03-10", "2026-03-13");
        // issued Fri 13 March 2026: the weekend does not count: Mon 16 (1) … Wed 18 (3)
        assertBoundary(REQUEST_FOR_QUOTATION, "2026-03-13", "2026-03-18");
    }

    @Test
    void threeWorkingDaysAcrossNationalDay2025EndOnTheMakeUpSaturday() {
        // issued Tue 30 Sep 2025: 1–8 Oct off, Thu 9 (1), Fri 10 (2), Sat 11 make-up (3)
        assertBoundary(COMPETITIVE_NEGOTIATION, "2025-09-30", "2025-10-11");
        assertBoundary(REQUEST_FOR_QUOTATION, "2025-09-30", "2025-10-11");
    }

    @Test
    void theMakeUpSundayBeforeNationalDay2025CountsAsAWorkingDay() {
        // issued Fri 26 Sep 2025: Sun 28 make-up (1), Mon 29 (2), Tue 30 (3)
        assertBoundary(REQUEST_FOR_QUOTATION, "2025-09-26", "2025-09-30");
    }

    @Test
    void aSingleSourceNoticeRunsFiveWorkingDaysAcrossNationalDay2025() {
        // published Fri 26 Sep 2025: Sun 28 (1), Mon 29 (2), Tue 30 (3), 1–8 Oct off, Thu 9 (4),
        // Fri 10 (5)
        assertBoundary(SINGLE_SOURCE, "2025-09-26", "2025-10-10");
    }

    @Test
    void workingDaysAcrossTheSpringFestival2026CountTheMakeUpSaturdays() {
        // issued Thu 12 Feb 2026: Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3)
        assertBoundary(REQUEST_FOR_QUOTATION, "2026-02-12", "2026-02-24");
        // single source published Wed 11 Feb: Thu 12 (1), Fri 13 (2), Sat 14 (3), Tue 24 (4),
        // Wed 25 (5)
        assertBoundary(SINGLE_SOURCE, "2026-02-11", "2026-02-25");
        // issued Wed 25 Feb: Thu 26 (1), Fri 27 (2), Sat 28 make-up (3)
        assertBoundary(COMPETITIVE_NEGOTIATION, "2026-02-25", "2026-02-28");
    }

    @Test
    void aReverseAuctionStartsThreeWorkingDaysAfterItsNoticeAtTheEarliest() {
        // platform rule. Notice Wed 30 Sep 2026: 1–7 Oct off, Thu 8 (1), Fri 9 (2), Sat 10
        // make-up (3)
        assertBoundary(REVERSE_AUCTION, "2026-09-30", "2026-10-10");
        // notice Tue 28 Apr 2026: Wed 29 (1), Thu 30 (2), 1–5 May off, Wed 6 May (3)
        assertBoundary(REVERSE_AUCTION, "2026-04-28", "2026-05-06");
    }

    @ParameterizedTest(name = "{0} published on a rest day {1}: earliest {2}")
    @CsvSource({
        // published on a Saturday: the period still starts the next day
        "OPEN_TENDER, 2026-03-07, 2026-03-27",
        "COMPETITIVE_NEGOTIATION, 2026-03-07, 2026-03-11",
        // published during the Spring Festival
        "SINGLE_SOURCE, 2026-02-18, 2026-02-28",
    })
    void aNoticePublishedOnARestDayCountsFromTheNextDay(
            ProcurementMethod m, String published, String earliest) {
        assertBoundary(m, published, earliest);
    }

    // ---- time of day and time zone

    @Test
    void periodsCountWholeDaysInBeijingTimeWhateverTheHour() {
        // published 17:55 on Tue 10 March, deadline 09:00 on Mon 30 March: day 20, lawful
        assertDoesNotThrow(
                () ->
                        rule.check(
                                OPEN_TENDER,
                                beijing("2026-03-10T17:55"),
                                beijing("2026-03-30T09:00"),
                                "bidDeadline"));
        // 23:59:59 on 29 March is still day 19
        assertThrows(
                Refusal.class,
                () ->
                        rule.check(
                                OPEN_TENDER,
                                beijing("2026-03-10T08:00"),
                                beijing("2026-03-29T23:59:59"),
                                "bidDeadline"));
    }

    @Test
    void theDayIsTheDayInShanghaiNotInUtc() {
        // 00:30 on Wed 11 March in Beijing is still 10 March in UTC
        Instant published = Instant.parse("2026-03-10T16:30:00Z");
        assertEquals(d("2026-03-11"), NoticePeriodRule.dayOf(published));
        Instant mondayMorning = beijing("2026-03-30T10:00"); // day 19 from 11 March
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () -> rule.check(OPEN_TENDER, published, mondayMorning, "bidDeadline"));
        assertEquals("2026-03-31", r.args()[3]);
        assertDoesNotThrow(
                () ->
                        rule.check(
                                OPEN_TENDER,
                                published,
                                beijing("2026-03-31T09:30"),
                                "bidDeadline"));
    }

    @Test
    void aDeadlineBeforeThePublicationIsRefusedToo() {
        assertThrows(
                Refusal.class,
                () -> rule.check(OPEN_TENDER, d("2026-03-10"), d("2026-03-01"), "bidDeadline"));
        assertThrows(
                Refusal.class,
                () -> rule.check(SINGLE_SOURCE, d("2026-03-10"), d("2026-03-10"), "noticeEnd"));
    }

    // ---- years the calendar does not cover

    @Test
    void aPeriodRunningIntoAnUncoveredYearIsRefusedNotGuessed() {
        // tender issued 15 Dec 2026: day 20 is 4 Jan 2027, whose holidays are not yet known
        Refusal r =
                assertThrows(
                        Refusal.class, () -> rule.earliestDeadline(OPEN_TENDER, d("2026-12-15")));
        assertEquals(ProblemCode.CALENDAR_YEAR_NOT_COVERED, r.code());
        assertEquals("2027", r.args()[0]);
        // working days: 31 Dec 2026 (1), then 2027
        assertEquals(
                ProblemCode.CALENDAR_YEAR_NOT_COVERED,
                assertThrows(
                                Refusal.class,
                                () ->
                                        rule.check(
                                                REQUEST_FOR_QUOTATION,
                                                d("2026-12-30"),
                                                d("2027-01-06"),
                                                "deadline"))
                        .code());
        // published in 2024
        assertEquals(
                ProblemCode.CALENDAR_YEAR_NOT_COVERED,
                assertThrows(
                                Refusal.class,
                                () -> rule.earliestDeadline(OPEN_TENDER, d("2024-12-20")))
                        .code());
    }

    @Test
    void aDeadlineInAnUncoveredYearIsRefusedEvenAfterAFullPeriod() {
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () ->
                                rule.check(
                                        OPEN_TENDER,
                                        d("2026-06-01"),
                                        d("2027-01-15"),
                                        "bidDeadline"));
        assertEquals(ProblemCode.CALENDAR_YEAR_NOT_COVERED, r.code());
        assertEquals("bidDeadline", r.field());
        assertArrayEquals(new Object[] {"2027", "2027-01-15"}, r.args());
    }

    // ---- the refusal cites the rule

    @Test
    void theRefusalNamesTheMethodTheSourceTheMinimumAndTheEarliestDeadline() {
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () ->
                                rule.check(
                                        OPEN_TENDER,
                                        d("2026-03-10"),
                                        d("2026-03-27"),
                                        "bidDeadline"));
        assertEquals(422, r.code().httpStatus());
        assertEquals("bidDeadline", r.field());
        Object[] a = r.args();
        assertLocalized("method.OPEN_TENDER", a[0]);
        assertLocalized("source.LAW_35", a[1]);
        assertLocalized("period.DAYS", a[2], 20);
        assertEquals("2026-03-30", a[3]);
        assertEquals("2026-03-27", a[4]);
        assertLocalized("periodKind.TENDER", a[5]);

        String zh = ProblemMessages.message(r.code(), ProblemMessages.CHINESE, r.args());
        assertEquals(
                "公开招标自招标文件开始发出之日起至投标截止之日止不得少于 20 日（《政府采购法》第三十五条）："
                        + "截止日期 2026-03-27 过早，最早可定于 2026-03-30。",
                zh);
        String en = ProblemMessages.message(r.code(), ProblemMessages.ENGLISH, r.args());
        assertEquals(
                "For open tender, the period from the issue of the tender documents to the bid"
                        + " deadline must be at least 20 days (Government Procurement Law, art."
                        + " 35): the deadline of 2026-03-27 is too early; the earliest lawful"
                        + " deadline is 2026-03-30.",
                en);
    }

    @Test
    void aWorkingDayRefusalSaysWorkingDays() {
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () ->
                                rule.check(
                                        SINGLE_SOURCE,
                                        d("2025-09-26"),
                                        d("2025-10-09"),
                                        "noticeEnd"));
        assertLocalized("period.WORKING_DAYS", r.args()[2], 5);
        assertLocalized("source.REG_38", r.args()[1]);
        String zh = ProblemMessages.message(r.code(), ProblemMessages.CHINESE, r.args());
        assertTrue(zh.startsWith("单一来源公示期不得少于 5 个工作日（《政府采购法实施条例》第三十八条）"), zh);
        String en = ProblemMessages.message(r.code(), ProblemMessages.ENGLISH, r.args());
        assertTrue(
                en.contains("the period of the public notice must be at least 5 working days"), en);
        assertFalse(en.contains("{"), en);
    }

    @Test
    void aCityWithItsOwnFiguresGetsItsOwnFigures() {
        var values = new java.util.HashMap<>(ShippedRules.values());
        values.put("notice.COMPETITIVE_CONSULTATION", "1 working days");
        values.put("notice.COMPETITIVE_CONSULTATION.source", "CITY_RULE_7");
        NoticePeriodRule city =
                new NoticePeriodRule(NoticePeriods.parse(values), ShippedRules.calendar());
        assertEquals(
                d("2026-03-16"), city.earliestDeadline(COMPETITIVE_CONSULTATION, d("2026-03-13")));
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () ->
                                city.check(
                                        COMPETITIVE_CONSULTATION,
                                        d("2026-03-13"),
                                        d("2026-03-15"),
                                        "deadline"));
        String en = ProblemMessages.message(r.code(), ProblemMessages.ENGLISH, r.args());
        assertTrue(en.contains("at least 1 working day (source.CITY_RULE_7)"), en);
    }

    static void assertLocalized(String key, Object arg, Object... args) {
        Localized l = assertInstanceOfLocalized(arg);
        assertEquals(key, l.key());
        assertArrayEquals(args, l.args());
    }

    private static Localized assertInstanceOfLocalized(Object arg) {
        assertTrue(arg instanceof Localized, arg + " is not Localized");
        return (Localized) arg;
    }
}

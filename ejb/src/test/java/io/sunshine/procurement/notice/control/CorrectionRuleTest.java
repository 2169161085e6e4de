package io.sunshine.procurement.notice.control;

import static io.sunshine.procurement.notice.control.NoticePeriodRuleTest.assertLocalized;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.COMPETITIVE_CONSULTATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.COMPETITIVE_NEGOTIATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.INVITED_TENDER;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.OPEN_TENDER;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.REQUEST_FOR_QUOTATION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.REVERSE_AUCTION;
import static io.sunshine.procurement.requirement.entity.ProcurementMethod.SINGLE_SOURCE;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 条例 art. 31 para. 2 and the corresponding rows for the other methods, on the shipped data. */
class CorrectionRuleTest {
    /** Spelt out here, not taken from the class under test. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private CorrectionRule rule;

    @BeforeEach
    void shippedRulesAndCalendar() {
        rule = new CorrectionRule(ShippedRules.table(), ShippedRules.calendar());
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant beijing(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime).atZone(BEIJING).toInstant();
    }

    @Test
    void aTenderCorrectionFifteenDaysBeforeTheDeadlineLeavesItWhereItIs() {
        // corrected Sun 15 March 2026, deadline Mon 30 March: day 15 exactly
        CorrectionOutcome o = rule.assess(OPEN_TENDER, d("2026-03-15"), d("2026-03-30"));
        assertFalse(o.deadlineMustMove());
        assertEquals(d("2026-03-30"), o.earliestDeadline());
        assertEquals(d("2026-03-30"), o.deadline());
        assertEquals("REG_31", o.rule().source());
    }

    @Test
    void aTenderCorrectionFourteenDaysBeforeTheDeadlineMovesItByADay() {
        // corrected Mon 16 March: day 15 is Tue 31 March
        CorrectionOutcome o = rule.assess(OPEN_TENDER, d("2026-03-16"), d("2026-03-30"));
        assertTrue(o.deadlineMustMove());
        assertEquals(d("2026-03-31"), o.earliestDeadline());
        assertEquals(d("2026-03-31"), o.deadline());
        assertEquals(d("2026-03-30"), o.currentDeadline());
    }

    @Test
    void aLateCorrectionMovesTheDeadlineFifteenDaysAfterIt() {
        // corrected Tue 10 March, deadline Fri 20 March: moves to Wed 25 March
        CorrectionOutcome o = rule.assess(INVITED_TENDER, d("2026-03-10"), d("2026-03-20"));
        assertTrue(o.deadlineMustMove());
        assertEquals(d("2026-03-25"), o.deadline());
    }

    @Test
    void aCorrectionWhosePeriodEndsInTheNationalDayHolidayMovesTheDeadlineBeyondIt() {
        // corrected Sat 20 Sep 2025: day 15 is Sun 5 Oct, in the holiday: the period ends Thu 9 Oct
        CorrectionOutcome o = rule.assess(OPEN_TENDER, d("2025-09-20"), d("2025-10-08"));
        assertTrue(o.deadlineMustMove());
        assertEquals(d("2025-10-09"), o.deadline());
        assertFalse(rule.assess(OPEN_TENDER, d("2025-09-20"), d("2025-10-09")).deadlineMustMove());
    }

    @Test
    void aConsultationCorrectionNeedsFiveDays() {
        // corrected Mon 9 March 2026: day 5 is Sat 14 March, a rest day: ends Mon 16 March
        assertTrue(
                rule.assess(COMPETITIVE_CONSULTATION, d("2026-03-09"), d("2026-03-13"))
                        .deadlineMustMove());
        CorrectionOutcome o =
                rule.assess(COMPETITIVE_CONSULTATION, d("2026-03-09"), d("2026-03-13"));
        assertEquals(d("2026-03-16"), o.deadline());
        assertFalse(
                rule.assess(COMPETITIVE_CONSULTATION, d("2026-03-09"), d("2026-03-16"))
                        .deadlineMustMove());
    }

    @Test
    void aNegotiationCorrectionNeedsThreeWorkingDaysAcrossTheHolidays() {
        // corrected Mon 29 Sep 2025: Tue 30 (1), 1–8 Oct off, Thu 9 (2), Fri 10 (3)
        CorrectionOutcome o =
                rule.assess(COMPETITIVE_NEGOTIATION, d("2025-09-29"), d("2025-10-09"));
        assertTrue(o.deadlineMustMove());
        assertEquals(d("2025-10-10"), o.deadline());
        // corrected Thu 12 Feb 2026: Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3)
        assertEquals(
                d("2026-02-24"),
                rule.assess(REQUEST_FOR_QUOTATION, d("2026-02-12"), d("2026-02-13")).deadline());
        assertFalse(
                rule.assess(REQUEST_FOR_QUOTATION, d("2026-02-12"), d("2026-02-24"))
                        .deadlineMustMove());
    }

    @Test
    void aCorrectedAuctionStartsThreeWorkingDaysLaterAtTheEarliest() {
        // corrected Tue 30 Sep 2025: Thu 9 (1), Fri 10 (2), Sat 11 make-up (3)
        assertEquals(
                d("2025-10-11"),
                rule.assess(REVERSE_AUCTION, d("2025-09-30"), d("2025-10-09")).deadline());
    }

    @Test
    void aSingleSourceNoticeHasNoDeadlineToMove() {
        assertThrows(
                IllegalArgumentException.class,
                () -> rule.assess(SINGLE_SOURCE, d("2026-03-10"), d("2026-03-17")));
    }

    @Test
    void aCorrectionCountsWholeDaysInBeijingTime() {
        // 23:30 on Mon 16 March Beijing is 15:30 UTC the same day; 00:30 on Tue 17 March
        // Beijing is still 16 March in UTC, and counts from the 17th
        CorrectionOutcome late =
                rule.assess(OPEN_TENDER, beijing("2026-03-17T00:30"), beijing("2026-03-31T09:00"));
        assertTrue(late.deadlineMustMove());
        assertEquals(d("2026-04-01"), late.deadline());
        assertFalse(
                rule.assess(OPEN_TENDER, beijing("2026-03-16T23:30"), beijing("2026-03-31T09:00"))
                        .deadlineMustMove());
    }

    @Test
    void aNewDeadlineTooCloseToTheCorrectionIsRefusedCitingTheRule() {
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () ->
                                rule.check(
                                        OPEN_TENDER,
                                        beijing("2026-03-16T10:00"),
                                        beijing("2026-03-30T09:30"),
                                        "bidDeadline"));
        assertEquals(ProblemCode.CORRECTION_DEADLINE_TOO_EARLY, r.code());
        assertEquals(422, r.code().httpStatus());
        assertEquals("bidDeadline", r.field());
        assertLocalized("method.OPEN_TENDER", r.args()[0]);
        assertLocalized("source.REG_31", r.args()[1]);
        assertLocalized("period.DAYS", r.args()[2], 15);
        assertEquals("2026-03-31", r.args()[3]);
        assertEquals("2026-03-30", r.args()[4]);
        assertEquals("2026-03-16", r.args()[5]);
        assertEquals(
                "公开招标的澄清或者修改可能影响投标（响应）文件编制的，应当在截止时间至少 15 日前发布"
                        + "（《政府采购法实施条例》第三十一条）：本次更正于 2026-03-16 发布，"
                        + "截止日期 2026-03-30 过早，应当顺延至 2026-03-31 或以后。",
                ProblemMessages.message(r.code(), ProblemMessages.CHINESE, r.args()));
        String en = ProblemMessages.message(r.code(), ProblemMessages.ENGLISH, r.args());
        assertTrue(en.contains("at least 15 days before the deadline"), en);
        assertTrue(en.contains("must move to 2026-03-31 or later"), en);

        assertDoesNotThrow(
                () ->
                        rule.check(
                                OPEN_TENDER,
                                beijing("2026-03-16T10:00"),
                                beijing("2026-03-31T09:30"),
                                "bidDeadline"));
    }

    @Test
    void aCorrectionRunningIntoAnUncoveredYearIsRefusedNotGuessed() {
        // corrected 18 Dec 2026: day 15 is 2 Jan 2027
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () -> rule.assess(OPEN_TENDER, d("2026-12-18"), d("2026-12-30")));
        assertEquals(ProblemCode.CALENDAR_YEAR_NOT_COVERED, r.code());
        // a new deadline in 2027 after a correction early enough in 2026: still refused
        Refusal s =
                assertThrows(
                        Refusal.class,
                        () ->
                                rule.check(
                                        OPEN_TENDER,
                                        beijing("2026-11-02T10:00"),
                                        beijing("2027-01-08T09:00"),
                                        "bidDeadline"));
        assertEquals(ProblemCode.CALENDAR_YEAR_NOT_COVERED, s.code());
        assertEquals("bidDeadline", s.field());
    }
}

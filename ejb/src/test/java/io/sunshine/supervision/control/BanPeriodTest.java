package io.sunshine.supervision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** 政府采购法 第七十七条: 列入不良行为记录名单，在一至三年内禁止参加政府采购活动. */
class BanPeriodTest {
    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 10);

    @Test
    void oneYearIsTheShortestBanAndEndsTheDayBeforeTheAnniversary() {
        BanPeriod p = BanPeriod.checked(START, LocalDate.of(2027, 2, 28), TODAY);
        assertEquals(LocalDate.of(2027, 2, 28), p.endsOn());
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () -> BanPeriod.checked(START, LocalDate.of(2027, 2, 27), TODAY));
        assertEquals(ProblemCode.BAN_PERIOD_OUT_OF_BOUNDS, r.code());
        assertEquals("endsOn", r.field());
        assertEquals(
                "Government Procurement Law art. 77 bars a supplier from government procurement"
                        + " for one to three years: a ban that starts on 2026-03-01 must end (its"
                        + " last day included) between 2027-02-28 and 2029-02-28, not on"
                        + " 2027-02-27.",
                ProblemMessages.message(r.code(), Locale.ENGLISH, r.args()));
        assertTrue(ProblemMessages.message(r.code(), Locale.CHINA, r.args()).contains("第七十七条"));
    }

    @Test
    void threeYearsIsTheLongestBan() {
        BanPeriod.checked(START, LocalDate.of(2029, 2, 28), TODAY);
        assertEquals(
                ProblemCode.BAN_PERIOD_OUT_OF_BOUNDS,
                assertThrows(
                                Refusal.class,
                                () -> BanPeriod.checked(START, LocalDate.of(2029, 3, 1), TODAY))
                        .code());
    }

    @Test
    void aBanStartingOnTheTwentyNinthOfFebruaryEndsOnTheTwentyEighth() {
        LocalDate leap = LocalDate.of(2028, 2, 29);
        assertEquals(LocalDate.of(2029, 2, 27), BanPeriod.earliestEnd(leap));
        assertEquals(LocalDate.of(2031, 2, 27), BanPeriod.latestEnd(leap));
    }

    @Test
    void aBanAlreadyOverIsNotListedButOneThatStartedEarlierIs() {
        LocalDate start = LocalDate.of(2024, 6, 1);
        BanPeriod.checked(start, LocalDate.of(2026, 5, 31), TODAY);
        Refusal r =
                assertThrows(
                        Refusal.class,
                        () -> BanPeriod.checked(start, LocalDate.of(2025, 5, 31), TODAY));
        assertEquals(ProblemCode.BAN_PERIOD_ALREADY_ENDED, r.code());
    }

    @Test
    void missingDatesAreNamed() {
        assertEquals(
                "startsOn",
                assertThrows(Refusal.class, () -> BanPeriod.checked(null, START, TODAY)).field());
        assertEquals(
                "endsOn",
                assertThrows(Refusal.class, () -> BanPeriod.checked(START, null, TODAY)).field());
    }

    @Test
    void theBanBarsFromMidnightOfItsFirstDayToMidnightAfterItsLastInBeijingTime() {
        BanPeriod p = new BanPeriod(START, LocalDate.of(2027, 2, 28));
        // 2026-03-01 00:00 Beijing = 2026-02-28 16:00 UTC
        assertFalse(p.bars(Instant.parse("2026-02-28T15:59:59.999Z"), null));
        assertTrue(p.bars(Instant.parse("2026-02-28T16:00:00Z"), null));
        // 2027-02-28 23:59:59.999 Beijing is the last barred instant
        assertTrue(p.bars(Instant.parse("2027-02-28T15:59:59.999Z"), null));
        assertFalse(p.bars(Instant.parse("2027-02-28T16:00:00Z"), null));
    }

    @Test
    void aLiftedBanStopsBarringAtTheInstantItIsLiftedNotBefore() {
        BanPeriod p = new BanPeriod(START, LocalDate.of(2027, 2, 28));
        Instant lifted = Instant.parse("2026-06-01T02:00:00Z");
        assertTrue(p.bars(lifted.minusMillis(1), lifted));
        assertFalse(p.bars(lifted, lifted));
        assertFalse(p.bars(lifted.plusSeconds(86400), lifted));
    }

    @Test
    void aBanListedForLaterDoesNotBarToday() {
        BanPeriod later = new BanPeriod(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31));
        assertFalse(later.bars(Instant.parse("2026-06-01T02:00:00Z"), null));
        assertTrue(later.bars(Instant.parse("2026-09-01T02:00:00Z"), null));
    }
}

package io.sunshine.procurement.contract.control;

import io.sunshine.platform.control.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The contract's statutory periods, in Asia/Shanghai; the day an event happens is not counted.
 *
 * <ul>
 *   <li>signing: 政府采购法 第四十六条 — within 30 days of the award notice (中标、成交通知书发出之日起三十日内): late from
 *       the start of the 31st day; the parties are warned from the 25th day on;
 *   <li>notice: 实施条例 第五十条 — the contract is published within 2 working days of signing;
 *   <li>filing: 政府采购法 第四十七条 — filed (备案) within 7 working days of signing.
 * </ul>
 *
 * <pre>{@code
 * // award notice Monday 7 December 2026 → warned from 1 January 2027, late from 7 January 2027
 * ContractDeadlines.signLateFrom(noticeAt);
 * // both signed Friday 11 December 2026 → notice late from Wednesday 16 December
 * ContractDeadlines.workingDaysAfter(signedAt, ContractDeadlines.NOTICE_WORKING_DAYS, calendar);
 * }</pre>
 */
public final class ContractDeadlines {
    public static final int SIGN_DAYS = 30;
    public static final int SIGN_WARN_DAY = 25;
    public static final int NOTICE_WORKING_DAYS = 2;
    public static final int FILING_WORKING_DAYS = 7;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ContractDeadlines() {}

    /** From when the contract is signed late: the start of the 31st day after the notice. */
    public static Instant signLateFrom(Instant awardNoticeAt) {
        return day(awardNoticeAt).plusDays(SIGN_DAYS + 1L).atStartOfDay(SHANGHAI).toInstant();
    }

    /** From when the parties are warned: the start of the 25th day after the notice. */
    public static Instant signWarnFrom(Instant awardNoticeAt) {
        return day(awardNoticeAt).plusDays(SIGN_WARN_DAY).atStartOfDay(SHANGHAI).toInstant();
    }

    /**
     * From when a duty of {@code n} working days after {@code event} is late: the start of the day
     * after the n-th working day; empty when the period runs into a year the holiday calendar does
     * not cover yet (no due day is claimed rather than a guessed one).
     */
    public static Optional<Instant> workingDaysAfter(
            Instant event, int n, WorkingDayCalendar calendar) {
        return calendar.lateFrom(event, n, SHANGHAI);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(SHANGHAI).toLocalDate();
    }
}

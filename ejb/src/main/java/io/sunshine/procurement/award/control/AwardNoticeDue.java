package io.sunshine.procurement.award.control;

import io.sunshine.platform.control.WorkingDayCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When the award notice is due: 实施条例 第四十三条第二款 — "采购人或者采购代理机构应当自中标、成交供应商确定之日起2个工作日内 …公告中标、成交结果". The
 * day the supplier is determined (the auction's close, in Asia/Shanghai) is not counted; the notice
 * may be published at any time of the second working day after it, so the notice is overdue from
 * the start of the next day.
 *
 * <pre>{@code
 * // closed Friday 11 December 2026 → due by the end of Tuesday 15 December
 * Optional<Instant> due = AwardNoticeDue.after(closedAt, calendar);
 * }</pre>
 */
public final class AwardNoticeDue {
    /** 实施条例 第四十三条: 2 working days. */
    public static final int WORKING_DAYS = 2;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private AwardNoticeDue() {}

    /**
     * The instant from which the notice is late, or empty when the period runs into a year the
     * holiday calendar does not cover yet: then no due day is claimed rather than a guessed one.
     */
    public static Optional<Instant> after(Instant determinedAt, WorkingDayCalendar calendar) {
        return calendar.lateFrom(determinedAt, WORKING_DAYS, SHANGHAI);
    }
}

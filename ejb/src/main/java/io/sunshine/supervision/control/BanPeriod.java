package io.sunshine.supervision.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The period a supplier on the bad-conduct list (政府采购严重违法失信行为记录名单) is barred from government
 * procurement: from its first day to its last day, both included, in Beijing dates.
 *
 * <p>政府采购法 第七十七条 (and 实施条例 第七十二条, which applies it): 列入不良行为记录名单，在一至三年内禁止参加政府采购活动. One year starting
 * on 2026-03-01 therefore ends on 2027-02-28; three years end on 2029-02-28. The figures are the
 * statute's, not a city's choice, so they are constants here rather than a rule table.
 *
 * <pre>{@code
 * BanPeriod p = BanPeriod.checked(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), today);
 * p.bars(instant, liftedAt); // true inside the period unless lifted before that instant
 * }</pre>
 */
public record BanPeriod(LocalDate startsOn, LocalDate endsOn) {
    public static final int MIN_YEARS = 1;
    public static final int MAX_YEARS = 3;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public BanPeriod {
        Objects.requireNonNull(startsOn, "A ban has a first day.");
        Objects.requireNonNull(endsOn, "A ban has a last day.");
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("A ban ends after it starts.");
        }
    }

    /**
     * The earliest lawful last day of a ban that starts on {@code startsOn}: one year less a day.
     */
    public static LocalDate earliestEnd(LocalDate startsOn) {
        return startsOn.plusYears(MIN_YEARS).minusDays(1);
    }

    /**
     * The latest lawful last day of a ban that starts on {@code startsOn}: three years less a day.
     */
    public static LocalDate latestEnd(LocalDate startsOn) {
        return startsOn.plusYears(MAX_YEARS).minusDays(1);
    }

    /**
     * A period a supervisor may list today: one to three years long (Law art. 77) and not already
     * over. A first day in the past is allowed: the decision may predate its entry on the platform.
     */
    public static BanPeriod checked(LocalDate startsOn, LocalDate endsOn, LocalDate today) {
        if (startsOn == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "startsOn", "startsOn");
        }
        if (endsOn == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "endsOn", "endsOn");
        }
        LocalDate earliest = earliestEnd(startsOn);
        LocalDate latest = latestEnd(startsOn);
        if (endsOn.isBefore(earliest) || endsOn.isAfter(latest)) {
            throw new Refusal(
                    ProblemCode.BAN_PERIOD_OUT_OF_BOUNDS,
                    "endsOn",
                    startsOn.toString(),
                    endsOn.toString(),
                    earliest.toString(),
                    latest.toString());
        }
        if (endsOn.isBefore(today)) {
            throw new Refusal(
                    ProblemCode.BAN_PERIOD_ALREADY_ENDED,
                    "endsOn",
                    endsOn.toString(),
                    today.toString());
        }
        return new BanPeriod(startsOn, endsOn);
    }

    /**
     * Whether the ban bars a supplier at this instant: the instant's Beijing date lies in the
     * period, and the entry was not lifted at or before it.
     */
    public boolean bars(Instant at, Instant liftedAt) {
        if (liftedAt != null && !at.isBefore(liftedAt)) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(at, BEIJING);
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** Whether the period is over on this Beijing date. */
    public boolean endedBefore(LocalDate day) {
        return endsOn.isBefore(day);
    }
}

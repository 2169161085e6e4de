package io.sunshine.procurement.notice.control;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a correction (更正) that affects bid or response preparation does to the deadline.
 *
 * @param deadlineMustMove whether the current deadline is too close to the correction
 * @param earliestDeadline the earliest day the deadline may fall on after this correction
 * @param currentDeadline the day of the deadline before the correction
 * @param rule the correction period applied, with its source
 */
public record CorrectionOutcome(
        boolean deadlineMustMove,
        LocalDate earliestDeadline,
        LocalDate currentDeadline,
        StatutoryPeriod rule) {

    public CorrectionOutcome {
        Objects.requireNonNull(earliestDeadline, "The earliest deadline is required.");
        Objects.requireNonNull(currentDeadline, "The current deadline is required.");
        Objects.requireNonNull(rule, "The rule is required.");
    }

    /** The day the deadline falls on after the correction: unchanged, or moved to the earliest. */
    public LocalDate deadline() {
        return deadlineMustMove ? earliestDeadline : currentDeadline;
    }
}

package io.sunshine.procurement.requirement.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.time.LocalDate;

/**
 * A procurement intention (采购意向) is published at least 30 days before the procurement starts
 * (财库〔2020〕10号《关于开展政府采购意向公开工作的通知》: "原则上不得晚于采购活动开始前30日").
 */
public final class IntentionRule {
    public static final int MINIMUM_DAYS = 30;

    private IntentionRule() {}

    /**
     * The last day on which the intention of a procurement starting on {@code start} may appear.
     */
    public static LocalDate latestPublication(LocalDate plannedStart) {
        return plannedStart.minusDays(MINIMUM_DAYS);
    }

    /**
     * @throws Refusal INTENTION_TOO_LATE when {@code today} is less than 30 days before the start
     */
    public static void checkPublication(LocalDate today, LocalDate plannedStart) {
        LocalDate latest = latestPublication(plannedStart);
        if (today.isAfter(latest)) {
            throw new Refusal(
                    ProblemCode.INTENTION_TOO_LATE,
                    "plannedStart",
                    plannedStart.toString(),
                    latest.toString(),
                    today.plusDays(MINIMUM_DAYS).toString());
        }
    }
}

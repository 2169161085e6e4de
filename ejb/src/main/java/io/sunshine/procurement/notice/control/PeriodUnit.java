package io.sunshine.procurement.notice.control;

/**
 * How a statutory period is counted. Both count from the day after the event (民法典 第二百零一条: the day a
 * period starts is not counted).
 */
public enum PeriodUnit {
    /**
     * Calendar days (日); when the last day is a rest day the period ends on the next working day
     * (民法典 第二百零三条).
     */
    DAYS("day"),
    /** Working days (工作日) on the platform's holiday calendar, make-up working days included. */
    WORKING_DAYS("working day");

    private final String word;

    PeriodUnit(String word) {
        this.word = word;
    }

    /** The words of the rule table: {@code 20 days}, {@code 3 working days}, {@code 1 day}. */
    public String words(int length) {
        return length + " " + word + (length == 1 ? "" : "s");
    }
}

package io.sunshine.procurement.award.control;

/** The procedure whose result an award carries. */
public enum AwardSource {
    /** An online reverse auction (网上竞价): the lowest valid bid wins. */
    AUCTION
}

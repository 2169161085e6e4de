package io.sunshine.procurement.award.control;

/** Where an award stands: prepared from the result, then published as the award notice. */
public enum AwardState {
    /** Prepared at the auction's close; waits for the agency to publish the award notice. */
    PREPARED,
    /** The award notice (成交结果公告) is public; the contract may be drafted from it. */
    PUBLISHED
}

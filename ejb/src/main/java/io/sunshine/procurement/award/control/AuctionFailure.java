package io.sunshine.procurement.award.control;

/**
 * Why an auction failed, in the words the agency's work item shows: fewer qualified (enrolled)
 * suppliers than the rules' minimum, or enough of them but fewer who bid. The lot goes back to the
 * agency, who terminates or re-procures it.
 *
 * <pre>{@code
 * AuctionFailure.of(2, 2, 3).reason() // "有效报名供应商 2 家，少于规定的最少 3 家"
 * }</pre>
 *
 * @param qualified suppliers enrolled (and not withdrawn) at the close
 * @param bidders suppliers who made an accepted bid
 * @param minimum the auction rules' minimum
 */
public record AuctionFailure(int qualified, int bidders, int minimum) {
    public AuctionFailure {
        if (qualified < 0 || bidders < 0 || minimum < 1) {
            throw new IllegalArgumentException(
                    "Counts cannot be negative, the minimum is at least 1: qualified="
                            + qualified
                            + ", bidders="
                            + bidders
                            + ", minimum="
                            + minimum);
        }
    }

    public static AuctionFailure of(int qualified, int bidders, int minimum) {
        return new AuctionFailure(qualified, bidders, minimum);
    }

    /** Whether too few enrolled (else: enough enrolled, too few bid). */
    public boolean tooFewQualified() {
        return qualified < minimum;
    }

    /** The reason in zh-CN, as the work item's title carries it. */
    public String reason() {
        return tooFewQualified()
                ? "有效报名供应商 " + qualified + " 家，少于规定的最少 " + minimum + " 家"
                : "有效报名供应商 "
                        + qualified
                        + " 家，但有效报价供应商仅 "
                        + bidders
                        + " 家，少于规定的最少 "
                        + minimum
                        + " 家";
    }
}

package io.sunshine.procurement.project.boundary;

import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the agency (or the unit, for decentralised procurement) says about a project it opens or
 * edits while it is a draft.
 *
 * @param requirementIds the approved requirements it carries, at least one
 * @param bidDeadline the deadline for bids or responses (or, for single source, the end of the
 *     public notice; for a reverse auction, the close of enrolment); checked against the statutory
 *     period when the project is published
 * @param auctionStart a reverse auction's start, no earlier than the close of enrolment; {@code
 *     null} for every other method
 * @param lots the lots; {@code null} or empty for one lot of every item
 */
public record ProjectDraft(
        List<Long> requirementIds,
        String title,
        String description,
        ProcurementMethod method,
        String methodReason,
        String qualification,
        Instant bidDeadline,
        Instant auctionStart,
        List<LotDraft> lots) {

    /**
     * @param bidSecurity the bid security in yuan, at most 2 % of the lot's budget; {@code null}
     *     for none
     * @param smeOnly reserved to small and medium enterprises (专门面向中小企业)
     * @param auction a reverse auction's rules for the lot; {@code null} for the defaults
     */
    public record LotDraft(
            String title,
            List<Long> requirementItemIds,
            BigDecimal bidSecurity,
            boolean smeOnly,
            String qualification,
            io.sunshine.procurement.auction.control.AuctionSettings auction) {

        public LotDraft(
                String title,
                List<Long> requirementItemIds,
                BigDecimal bidSecurity,
                boolean smeOnly,
                String qualification) {
            this(title, requirementItemIds, bidSecurity, smeOnly, qualification, null);
        }
    }
}

package io.sunshine.procurement.award.boundary;

import io.sunshine.procurement.award.control.AwardSource;
import io.sunshine.procurement.award.control.AwardState;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An award as the caller may see it. The project's agency and buyer, FINANCE, SUPERVISOR and ADMIN
 * see it from its preparation with the ranking (names included); the winning supplier sees its own
 * award once the notice is published, without the others' names.
 *
 * @param publicationDue from this instant the award notice is late (实施条例 第四十三条: 2 working days
 *     after the result), or {@code null} when the holiday calendar does not cover the period yet
 * @param publishable whether the caller may publish the award notice now
 */
public record AwardView(
        long id,
        long projectId,
        String projectReference,
        String projectTitle,
        int lotNo,
        String lotTitle,
        AwardSource source,
        Long auctionId,
        long supplierId,
        String supplierName,
        String supplierCreditCode,
        BigDecimal amount,
        String amountCapitals,
        BigDecimal ceiling,
        BigDecimal saving,
        int qualified,
        AwardState state,
        Instant preparedAt,
        Instant publicationDue,
        Instant publishedAt,
        String publishedBy,
        String noticeNo,
        boolean publishable,
        List<Rung> ranking)
        implements Serializable {

    /** A bidder's place at the result: its lowest accepted bid. */
    public record Rung(int rank, String supplierName, BigDecimal amount, Instant acceptedAt)
            implements Serializable {}
}

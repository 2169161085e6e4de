package io.sunshine.procurement.contract.boundary;

import io.sunshine.procurement.contract.control.ContractItem;
import io.sunshine.procurement.contract.control.ContractParty;
import io.sunshine.procurement.contract.control.ContractState;
import io.sunshine.procurement.contract.control.ContractTerms;
import io.sunshine.procurement.contract.control.Party;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A contract version as the caller may see it: what it says, where it stands, its deadlines, who
 * signed, and what the caller may do with it now.
 *
 * @param signStatus OPEN, WARNING (from the 25th day after the award notice), LATE (from the 31st),
 *     or DONE (signed in time)
 * @param me the caller's side of the contract, or null for an onlooker (agency, FINANCE, …)
 */
public record ContractView(
        long id,
        String contractNo,
        int versionNo,
        long awardId,
        long projectId,
        String projectReference,
        String projectTitle,
        int lotNo,
        String lotTitle,
        Party purchaser,
        Party supplier,
        List<ContractItem> items,
        BigDecimal amount,
        String amountCapitals,
        ContractTerms terms,
        ContractState state,
        Instant draftedAt,
        String draftedBy,
        Instant awardPublishedAt,
        Instant signDue,
        String signStatus,
        Instant signedAt,
        Instant filingDue,
        Instant noticeDue,
        Instant reviewedAt,
        String reviewedBy,
        String reviewReasons,
        String noticeNo,
        Long noticeId,
        String noticeWithheld,
        List<Signature> signatures,
        String pdfSha256,
        long pdfSize,
        Allowed allowed,
        ContractParty me)
        implements Serializable {

    /** A party's signature as recorded. */
    public record Signature(
            ContractParty party,
            String organisation,
            String signer,
            Instant signedAt,
            String certificateSerial,
            String documentSha256)
            implements Serializable {}

    /** What the caller may do now. */
    public record Allowed(
            boolean amend, boolean sign, boolean review, boolean publishNotice, boolean redraft)
            implements Serializable {}
}

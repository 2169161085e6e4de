package io.sunshine.procurement.ocds.control;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A published notice (公告) of a procurement project, one type per stage. Each becomes one OCDS
 * release: {@link ReleaseBuilder#build(Notice)} maps the type to the release tag.
 *
 * <p>Every notice has the platform's notice number (unique on the platform: it becomes the release
 * id), its publication instant, and the address of its public page, if any.
 */
public sealed interface Notice {
    String noticeId();

    Instant publishedAt();

    /** The public page of the notice, or {@code null}. */
    URI url();

    ProcurementProject project();

    /** 采购意向公开 → OCDS planning. */
    record Intention(
            String noticeId,
            Instant publishedAt,
            URI url,
            ProcurementProject project,
            LocalDate expectedStart)
            implements Notice {
        public Intention {
            requireCommon(noticeId, publishedAt, project);
            Objects.requireNonNull(expectedStart, "The expected start is required.");
        }
    }

    /** 采购公告 (招标/谈判/磋商/询价/竞价/单一来源公示) → OCDS tender. */
    record Procurement(
            String noticeId,
            Instant publishedAt,
            URI url,
            ProcurementProject project,
            Instant bidDeadline,
            Instant openingTime)
            implements Notice {
        public Procurement {
            requireCommon(noticeId, publishedAt, project);
            Objects.requireNonNull(bidDeadline, "The bid deadline is required.");
        }
    }

    /**
     * 更正公告 → OCDS tenderAmendment.
     *
     * @param correctedNoticeId the notice this one corrects
     * @param rationale why (更正事项)
     * @param newBidDeadline the moved deadline, or {@code null} when it stays
     */
    record Correction(
            String noticeId,
            Instant publishedAt,
            URI url,
            ProcurementProject project,
            String correctedNoticeId,
            String rationale,
            Instant newBidDeadline)
            implements Notice {
        public Correction {
            requireCommon(noticeId, publishedAt, project);
            Objects.requireNonNull(correctedNoticeId, "The corrected notice is required.");
            Objects.requireNonNull(rationale, "The correction's rationale is required.");
        }
    }

    /** 终止公告 → OCDS tenderCancellation. */
    record Termination(
            String noticeId,
            Instant publishedAt,
            URI url,
            ProcurementProject project,
            String reason)
            implements Notice {
        public Termination {
            requireCommon(noticeId, publishedAt, project);
            Objects.requireNonNull(reason, "The termination's reason is required.");
        }
    }

    /**
     * 中标/成交结果公告 → OCDS award, one award per awarded lot.
     *
     * @param tenderers every supplier that bid, in any lot
     */
    record Award(
            String noticeId,
            Instant publishedAt,
            URI url,
            ProcurementProject project,
            List<AwardedLot> lots,
            List<Organization> tenderers)
            implements Notice {
        public Award {
            requireCommon(noticeId, publishedAt, project);
            lots = List.copyOf(lots);
            tenderers = List.copyOf(tenderers);
            if (lots.isEmpty()) {
                throw new IllegalArgumentException("An award notice awards at least one lot.");
            }
            for (AwardedLot l : lots) {
                project.lot(l.lotId());
            }
        }

        /** The OCDS award id of a lot awarded by this notice; contracts refer to it. */
        public String awardId(String lotId) {
            return noticeId + "-" + lotId;
        }
    }

    /** One lot's result in an award notice: the winner and the awarded amount (中标/成交金额). */
    record AwardedLot(String lotId, Organization supplier, BigDecimal amount) {
        public AwardedLot {
            Objects.requireNonNull(lotId, "The lot is required.");
            Objects.requireNonNull(supplier, "The supplier is required.");
            Objects.requireNonNull(amount, "The awarded amount is required.");
        }
    }

    /**
     * 合同公告 → OCDS contract.
     *
     * @param contractNumber the contract number, unique within the project
     * @param award the award notice the contract follows
     * @param lotId the awarded lot
     */
    record Contract(
            String noticeId,
            Instant publishedAt,
            URI url,
            ProcurementProject project,
            String contractNumber,
            Award award,
            String lotId,
            BigDecimal amount,
            Instant signedAt,
            LocalDate periodStart,
            LocalDate periodEnd)
            implements Notice {
        public Contract {
            requireCommon(noticeId, publishedAt, project);
            Objects.requireNonNull(contractNumber, "The contract number is required.");
            Objects.requireNonNull(award, "The award is required.");
            Objects.requireNonNull(amount, "The contract amount is required.");
            Objects.requireNonNull(signedAt, "The signing date is required.");
            if (award.lots().stream().noneMatch(l -> l.lotId().equals(lotId))) {
                throw new IllegalArgumentException("Lot " + lotId + " is not in the award.");
            }
        }

        public String awardId() {
            return award.awardId(lotId);
        }
    }

    /**
     * 履约验收结果公告 → OCDS implementation.
     *
     * @param conclusion the acceptance result (验收结论), e.g. "合格"
     */
    record Acceptance(
            String noticeId,
            Instant publishedAt,
            URI url,
            Contract contract,
            Instant acceptedAt,
            String conclusion)
            implements Notice {
        public Acceptance {
            Objects.requireNonNull(contract, "The accepted contract is required.");
            requireCommon(noticeId, publishedAt, contract.project());
            Objects.requireNonNull(acceptedAt, "The acceptance date is required.");
            Objects.requireNonNull(conclusion, "The acceptance conclusion is required.");
        }

        @Override
        public ProcurementProject project() {
            return contract.project();
        }
    }

    private static void requireCommon(
            String noticeId, Instant publishedAt, ProcurementProject project) {
        Objects.requireNonNull(noticeId, "A notice id is required.");
        Objects.requireNonNull(publishedAt, "The publication instant is required.");
        Objects.requireNonNull(project, "The project is required.");
        if (noticeId.isBlank()) {
            throw new IllegalArgumentException("A notice id is required.");
        }
    }
}

package io.sunshine.procurement.project.boundary;

import io.sunshine.procurement.notice.entity.NoticeType;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.entity.LotItem;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectDocument;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.procurement.project.entity.ProjectState;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A procurement project as its readers see it. */
public record ProjectView(
        long id,
        String reference,
        String title,
        String description,
        ProcurementMethod method,
        String methodReason,
        String category,
        Party buyer,
        Party agency,
        String qualification,
        Instant bidDeadline,
        Instant openingTime,
        Instant auctionStart,
        ProjectState state,
        Instant createdAt,
        String createdBy,
        Instant publishedAt,
        String publishedBy,
        BigDecimal budget,
        List<Long> requirementIds,
        List<LotView> lots,
        List<DocumentView> documents,
        List<NoticeRef> notices)
        implements Serializable {

    public record Party(long id, String name) implements Serializable {}

    public record LotView(
            int lotNo,
            String title,
            BigDecimal budget,
            BigDecimal bidSecurity,
            boolean smeOnly,
            String qualification,
            List<ItemView> items,
            io.sunshine.procurement.auction.control.AuctionSettings auction)
            implements Serializable {
        static LotView of(ProjectLot l) {
            return new LotView(
                    l.getLotNo(),
                    l.getTitle(),
                    l.getBudget(),
                    l.getBidSecurity(),
                    l.isSmeOnly(),
                    l.getQualification(),
                    l.getItems().stream().map(ItemView::of).toList(),
                    l.getProject().getMethod()
                                    == io.sunshine.procurement.requirement.entity.ProcurementMethod
                                            .REVERSE_AUCTION
                            ? io.sunshine.procurement.auction.control.AuctionSettings.fromJson(
                                            l.getAuctionRules())
                                    .effective(io.sunshine.platform.control.Money.of(l.getBudget()))
                            : null);
        }
    }

    public record ItemView(
            int lineNo,
            long requirementItemId,
            String catalogueCode,
            String name,
            String specification,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal amount)
            implements Serializable {
        static ItemView of(LotItem i) {
            return new ItemView(
                    i.getLineNo(),
                    i.getRequirementItem().getId(),
                    i.getCatalogueCode(),
                    i.getName(),
                    i.getSpecification(),
                    i.getQuantity(),
                    i.getUnit(),
                    i.getUnitPrice(),
                    i.getAmount());
        }
    }

    public record DocumentView(
            long id, String fileName, String sha256, long size, Instant uploadedAt)
            implements Serializable {
        public static DocumentView of(ProjectDocument d) {
            return new DocumentView(
                    d.getId(), d.getFileName(), d.getSha256(), d.getSizeBytes(), d.getUploadedAt());
        }
    }

    public record NoticeRef(String noticeNo, NoticeType type, String title, Instant publishedAt)
            implements Serializable {
        static NoticeRef of(PublishedNotice n) {
            return new NoticeRef(n.getNoticeNo(), n.getType(), n.getTitle(), n.getPublishedAt());
        }
    }

    static ProjectView of(
            Project p, List<ProjectDocument> documents, List<PublishedNotice> notices) {
        boolean tender =
                p.getMethod() == ProcurementMethod.OPEN_TENDER
                        || p.getMethod() == ProcurementMethod.INVITED_TENDER;
        return new ProjectView(
                p.getId(),
                p.getReference(),
                p.getTitle(),
                p.getDescription(),
                p.getMethod(),
                p.getMethodReason(),
                p.getCategory(),
                new Party(p.getBuyer().getId(), p.getBuyer().getName()),
                new Party(p.getAgency().getId(), p.getAgency().getName()),
                p.getQualification(),
                p.getBidDeadline(),
                tender ? p.getBidDeadline() : null,
                p.getAuctionStart(),
                p.getState(),
                p.getCreatedAt(),
                p.getCreatedBy(),
                p.getPublishedAt(),
                p.getPublishedBy(),
                p.budget(),
                p.getRequirements().stream().map(r -> r.getId()).toList(),
                p.getLots().stream().map(LotView::of).toList(),
                documents.stream().map(DocumentView::of).toList(),
                notices.stream().map(NoticeRef::of).toList());
    }
}

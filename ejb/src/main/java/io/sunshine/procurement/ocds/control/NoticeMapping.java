package io.sunshine.procurement.ocds.control;

import io.sunshine.directory.entity.Organisation;
import io.sunshine.procurement.notice.entity.NoticeType;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.entity.LotItem;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.procurement.requirement.entity.Requirement;
import io.sunshine.procurement.requirement.entity.RequirementItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * From what the platform stores (a published notice row, its project or requirement, their
 * organisations) to the {@link Notice} records the {@link ReleaseBuilder} turns into releases.
 *
 * <ul>
 *   <li>An item's OCDS id is the id of the requirement item it comes from, in the intention and in
 *       the project alike: a lot item is a copy of a requirement item, so the compiled release of a
 *       process lists each item once instead of the intention's and the tender's side by side.
 *   <li>A lot's id is its lot number.
 *   <li>What a notice said at publication wins over the project's current state: the tender period
 *       ends at the deadline the notice published, not at a deadline a later correction moved.
 *   <li>The correction's rationale and the termination's reason are the notice's published text
 *       (the platform keeps no separate field for them); the corrected notice is the one the
 *       correction names.
 *   <li>An intention's procuring entity is left out: no agency is chosen before the project.
 * </ul>
 *
 * <pre>{@code
 * Optional<Notice> n = NoticeMapping.notice(row, sources);
 * n.map(releaseBuilder::build);
 * }</pre>
 */
public final class NoticeMapping {
    /**
     * The notice types that become releases today. The award notice (中标/成交) names its lots'
     * suppliers and amounts, which the award step stores ({@link Sources#awardedLots}); the
     * contract notice its contract ({@link Sources#contract}). The acceptance notice needs the
     * acceptance, which a later stage stores; its {@link Notice} record and release are ready
     * ({@link Notice.Acceptance}), its mapping from stored rows is added with that entity.
     */
    public static final Set<NoticeType> MAPPED =
            Set.copyOf(
                    EnumSet.of(
                            NoticeType.INTENTION,
                            NoticeType.PROCUREMENT,
                            NoticeType.SINGLE_SOURCE,
                            NoticeType.CORRECTION,
                            NoticeType.TERMINATION,
                            NoticeType.AWARD,
                            NoticeType.CONTRACT));

    /** What a notice row refers to, looked up by the caller (the boundary reads the database). */
    public interface Sources {
        /** The project a notice is about, with its process id. */
        ProcurementProject project(long projectId);

        /** The requirement an intention notice announces. */
        Requirement requirement(long requirementId);

        /** The notice number a correction corrects. */
        String correctedNoticeNo(PublishedNotice correction);

        /** The lots an award notice awards: each lot's supplier and awarded amount. */
        List<Notice.AwardedLot> awardedLots(PublishedNotice award);

        /** The suppliers that bid in the lots an award notice awards. */
        List<Organization> tenderers(PublishedNotice award);

        /** The contract a contract notice published, or empty for one without its contract. */
        Optional<SignedContract> contract(PublishedNotice contractNotice);
    }

    /**
     * What a contract notice's release says of its contract: the number, the award notice it
     * follows and the lot, the amount and when it was signed.
     */
    public record SignedContract(
            String contractNumber,
            PublishedNotice awardNotice,
            int lotNo,
            java.math.BigDecimal amount,
            java.time.Instant signedAt) {}

    private NoticeMapping() {}

    /** The notice record of a stored notice, or empty for a type not yet {@link #MAPPED}. */
    public static Optional<Notice> notice(PublishedNotice n, Sources sources) {
        return switch (n.getType()) {
            case INTENTION -> Optional.of(intention(n, sources.requirement(n.getRequirementId())));
            case PROCUREMENT, SINGLE_SOURCE ->
                    Optional.of(procurement(n, sources.project(n.getProjectId())));
            case CORRECTION ->
                    Optional.of(
                            correction(
                                    n,
                                    sources.project(n.getProjectId()),
                                    sources.correctedNoticeNo(n)));
            case TERMINATION -> Optional.of(termination(n, sources.project(n.getProjectId())));
            case AWARD ->
                    Optional.of(
                            award(
                                    n,
                                    sources.project(n.getProjectId()),
                                    sources.awardedLots(n),
                                    sources.tenderers(n)));
            case CONTRACT ->
                    sources.contract(n)
                            .map(
                                    c -> {
                                        ProcurementProject p = sources.project(n.getProjectId());
                                        Notice.Award award =
                                                award(
                                                        c.awardNotice(),
                                                        p,
                                                        sources.awardedLots(c.awardNotice()),
                                                        sources.tenderers(c.awardNotice()));
                                        return contract(n, p, award, c);
                                    });
            case ACCEPTANCE -> Optional.empty();
        };
    }

    /** 采购意向 → planning: the requirement stands for the project that does not exist yet. */
    public static Notice.Intention intention(PublishedNotice n, Requirement r) {
        requireType(n, NoticeType.INTENTION);
        return new Notice.Intention(
                n.getNoticeNo(), n.getPublishedAt(), null, planned(r), r.getPlannedStart());
    }

    /** 采购公告 or 单一来源公示 → tender, with the deadline and opening time the notice published. */
    public static Notice.Procurement procurement(PublishedNotice n, ProcurementProject p) {
        if (n.getType() != NoticeType.PROCUREMENT && n.getType() != NoticeType.SINGLE_SOURCE) {
            throw new IllegalArgumentException("Not a procurement notice: " + n.getType());
        }
        return new Notice.Procurement(
                n.getNoticeNo(), n.getPublishedAt(), null, p, n.getDeadline(), n.getOpeningTime());
    }

    /** 更正公告 → tenderAmendment; the deadline it states (if any) is the one now in force. */
    public static Notice.Correction correction(
            PublishedNotice n, ProcurementProject p, String correctedNoticeNo) {
        requireType(n, NoticeType.CORRECTION);
        return new Notice.Correction(
                n.getNoticeNo(),
                n.getPublishedAt(),
                null,
                p,
                correctedNoticeNo,
                n.getBody(),
                n.getDeadline());
    }

    /** 终止公告 → tenderCancellation. */
    public static Notice.Termination termination(PublishedNotice n, ProcurementProject p) {
        requireType(n, NoticeType.TERMINATION);
        return new Notice.Termination(n.getNoticeNo(), n.getPublishedAt(), null, p, n.getBody());
    }

    /** 中标/成交结果公告 → award, one award per awarded lot, with the lots' bidders as tenderers. */
    public static Notice.Award award(
            PublishedNotice n,
            ProcurementProject p,
            List<Notice.AwardedLot> lots,
            List<Organization> tenderers) {
        requireType(n, NoticeType.AWARD);
        return new Notice.Award(n.getNoticeNo(), n.getPublishedAt(), null, p, lots, tenderers);
    }

    /** 合同公告 → contract: the contract of the award notice's lot, as signed. */
    public static Notice.Contract contract(
            PublishedNotice n, ProcurementProject p, Notice.Award award, SignedContract c) {
        requireType(n, NoticeType.CONTRACT);
        return new Notice.Contract(
                n.getNoticeNo(),
                n.getPublishedAt(),
                null,
                p,
                c.contractNumber(),
                award,
                String.valueOf(c.lotNo()),
                c.amount(),
                c.signedAt(),
                null,
                null);
    }

    /** A stored project as its releases describe it, in the given contracting process. */
    public static ProcurementProject project(Project p, String processId) {
        List<Lot> lots = new ArrayList<>();
        for (ProjectLot lot : p.getLots()) {
            List<ProjectItem> items = new ArrayList<>();
            for (LotItem i : lot.getItems()) {
                items.add(
                        item(
                                i.getRequirementItem().getId(),
                                i.getCatalogueCode(),
                                i.getName(),
                                i.getSpecification(),
                                i.getQuantity(),
                                i.getUnit(),
                                i.getUnitPrice()));
            }
            lots.add(
                    new Lot(
                            String.valueOf(lot.getLotNo()),
                            lot.getTitle(),
                            lot.getBudget(),
                            items));
        }
        return new ProcurementProject(
                processId,
                p.getReference(),
                p.getTitle(),
                p.getDescription(),
                p.getMethod(),
                p.getMethodReason(),
                organization(p.getBuyer()),
                organization(p.getAgency()),
                lots);
    }

    /**
     * An approved requirement as the project its intention announces: its reference is the process
     * id and the reference, its items one lot with the requirement's total as budget.
     */
    public static ProcurementProject planned(Requirement r) {
        List<ProjectItem> items = new ArrayList<>();
        for (RequirementItem i : r.getItems()) {
            items.add(
                    item(
                            i.getId(),
                            i.getCatalogueCode(),
                            i.getName(),
                            i.getSpecification(),
                            i.getQuantity(),
                            i.getUnit(),
                            i.getUnitPrice()));
        }
        return new ProcurementProject(
                r.getReference(),
                r.getReference(),
                r.getTitle(),
                r.getSummary(),
                r.getMethod(),
                r.getMethodReason(),
                organization(r.getUnit()),
                null,
                List.of(new Lot("1", r.getTitle(), r.getTotal(), items)));
    }

    /** An organisation as a party: its credit code where known, else its platform number. */
    public static Organization organization(Organisation o) {
        return new Organization(
                o.getName(), o.getCreditCode(), null, null, null, String.valueOf(o.getId()));
    }

    private static ProjectItem item(
            Long requirementItemId,
            String catalogueCode,
            String name,
            String specification,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice) {
        String description =
                specification == null || specification.isBlank()
                        ? name
                        : name + "：" + specification;
        return new ProjectItem(
                String.valueOf(requirementItemId),
                catalogueCode,
                null,
                description,
                quantity,
                unit,
                unitPrice);
    }

    private static void requireType(PublishedNotice n, NoticeType type) {
        if (n.getType() != type) {
            throw new IllegalArgumentException("Not a " + type + " notice: " + n.getType());
        }
    }
}

package io.sunshine.procurement.requirement.boundary;

import io.sunshine.procurement.requirement.control.IntentionRule;
import io.sunshine.procurement.requirement.entity.ProcurementIntention;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.procurement.requirement.entity.Requirement;
import io.sunshine.procurement.requirement.entity.RequirementItem;
import io.sunshine.procurement.requirement.entity.RequirementState;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A requirement as pages and the API show it, with its items and intention. */
public record RequirementView(
        long id,
        String reference,
        String title,
        String summary,
        long unitId,
        String unitName,
        long budgetLineId,
        String budgetLineCode,
        String budgetLineName,
        String category,
        ProcurementMethod method,
        String methodReason,
        boolean centralised,
        BigDecimal total,
        BigDecimal frozenAmount,
        LocalDate plannedStart,
        RequirementState state,
        String decisionNote,
        Instant createdAt,
        String createdBy,
        Instant submittedAt,
        Instant decidedAt,
        String decidedBy,
        List<Item> items,
        Intention intention)
        implements Serializable {

    /** One item; its id is what a project's lots refer to. */
    public record Item(
            long id,
            int lineNo,
            String catalogueCode,
            String name,
            String specification,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal amount)
            implements Serializable {
        static Item of(RequirementItem i) {
            return new Item(
                    i.getId(),
                    i.getLineNo(),
                    i.getCatalogueCode(),
                    i.getName(),
                    i.getSpecification(),
                    i.getQuantity(),
                    i.getUnit(),
                    i.getUnitPrice(),
                    i.getAmount());
        }
    }

    /** The procurement intention notice, prepared at approval, public once published. */
    public record Intention(
            long id,
            long requirementId,
            String reference,
            String unitName,
            String title,
            String summary,
            BigDecimal budget,
            String expectedMonth,
            LocalDate plannedStart,
            LocalDate latestPublication,
            String state,
            Instant publishedAt)
            implements Serializable {
        static Intention of(ProcurementIntention i) {
            return new Intention(
                    i.getId(),
                    i.getRequirement().getId(),
                    i.getRequirement().getReference(),
                    i.getUnitName(),
                    i.getTitle(),
                    i.getSummary(),
                    i.getBudget(),
                    i.getExpectedMonth(),
                    i.getPlannedStart(),
                    IntentionRule.latestPublication(i.getPlannedStart()),
                    i.getState(),
                    i.getPublishedAt());
        }

        public boolean published() {
            return ProcurementIntention.PUBLISHED.equals(state);
        }
    }

    static RequirementView of(Requirement r, ProcurementIntention intention, boolean withItems) {
        return new RequirementView(
                r.getId(),
                r.getReference(),
                r.getTitle(),
                r.getSummary(),
                r.getUnit().getId(),
                r.getUnit().getName(),
                r.getBudgetLine().getId(),
                r.getBudgetLine().getCode(),
                r.getBudgetLine().getName(),
                r.getCategory(),
                r.getMethod(),
                r.getMethodReason(),
                r.isCentralised(),
                r.getTotal(),
                r.getFrozenAmount(),
                r.getPlannedStart(),
                r.getState(),
                r.getDecisionNote(),
                r.getCreatedAt(),
                r.getCreatedBy(),
                r.getSubmittedAt(),
                r.getDecidedAt(),
                r.getDecidedBy(),
                withItems ? r.getItems().stream().map(Item::of).toList() : List.of(),
                intention == null ? null : Intention.of(intention));
    }
}

package io.sunshine.procurement.requirement.boundary;

import io.sunshine.procurement.requirement.control.ItemDraft;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** What a unit states in a requirement, as typed. */
public record RequirementDraft(
        String title,
        String summary,
        Long budgetLineId,
        ProcurementMethod method,
        String methodReason,
        LocalDate plannedStart,
        List<ItemDraft> items)
        implements Serializable {}

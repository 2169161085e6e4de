package io.sunshine.procurement.requirement.entity;

/**
 * A requirement's life: drafted by the unit, submitted (its amount frozen on the budget line),
 * approved by FINANCE as a procurement plan or returned with a reason (the freeze released), or
 * cancelled by the unit before approval.
 */
public enum RequirementState {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED,
    CANCELLED;

    /** Whether the unit may still change the items, line, method and dates. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}

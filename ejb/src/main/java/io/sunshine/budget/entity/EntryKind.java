package io.sunshine.budget.entity;

/**
 * The movements a budget line knows. Only an adjustment may be negative; every other amount is
 * positive and its kind says which way it moves.
 */
public enum EntryKind {
    /** The approved amount (批复) the line is created with. */
    APPROPRIATION,
    /** An increase or decrease of the approved amount (调整), signed. */
    ADJUSTMENT,
    /** Free balance set aside for a submitted requirement (冻结). */
    FREEZE,
    /** A freeze given back: requirement returned or cancelled, or a lower award (解冻). */
    RELEASE,
    /** Frozen money paid out (支出): frozen goes down, spent goes up. */
    SPEND
}

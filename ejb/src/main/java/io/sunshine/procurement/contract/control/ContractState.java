package io.sunshine.procurement.contract.control;

/**
 * Where a contract version stands: {@code DRAFT} (the buyer may change the negotiable terms) →
 * {@code SIGNING} (one party has signed; nothing changes any more) → {@code SIGNED} (both have) →
 * {@code FILED} (FINANCE approved and filed it, 备案) or {@code RETURNED} (FINANCE returned it with
 * reasons; a new version is drafted and this one stays in the history).
 */
public enum ContractState {
    DRAFT,
    SIGNING,
    SIGNED,
    FILED,
    RETURNED
}

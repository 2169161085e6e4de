package io.sunshine.procurement.requirement.control;

import java.io.Serializable;
import java.math.BigDecimal;

/** One item of a requirement as the unit types it; the amount is computed, never typed. */
public record ItemDraft(
        String catalogueCode,
        String name,
        String specification,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice)
        implements Serializable {}

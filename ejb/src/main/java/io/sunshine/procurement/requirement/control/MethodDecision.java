package io.sunshine.procurement.requirement.control;

import io.sunshine.budget.control.Amounts;
import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The methods a requirement may use, and why.
 *
 * @param centralised an item is in the centralised catalogue: the centralised procurement agency
 *     buys it
 * @param governmentProcurement the amount reaches the decentralised threshold, or an item is
 *     centralised: the Government Procurement Law applies (Law art. 2)
 * @param openTenderOnly the amount reaches the open-tender threshold (Law art. 27)
 */
public record MethodDecision(
        Set<ProcurementMethod> allowed,
        boolean centralised,
        boolean governmentProcurement,
        boolean openTenderOnly,
        boolean auctionAllowed,
        BigDecimal openTenderThreshold,
        BigDecimal decentralisedThreshold)
        implements Serializable {

    public MethodDecision {
        allowed = Set.copyOf(allowed);
    }

    /** Refuses a method the table does not allow, saying why. */
    public void check(ProcurementMethod method, BigDecimal total, Category category) {
        if (method == null) {
            throw new Refusal(ProblemCode.METHOD_REQUIRED, "method");
        }
        if (allowed.contains(method)) {
            return;
        }
        Localized name = new Localized("method." + method.name());
        if (openTenderOnly && method != ProcurementMethod.REVERSE_AUCTION) {
            throw new Refusal(
                    ProblemCode.METHOD_REQUIRES_OPEN_TENDER,
                    "method",
                    name,
                    Amounts.format(total),
                    Amounts.format(openTenderThreshold));
        }
        throw new Refusal(
                ProblemCode.PROCUREMENT_METHOD_NOT_ALLOWED,
                "method",
                name,
                new Localized("category." + category.name()));
    }
}

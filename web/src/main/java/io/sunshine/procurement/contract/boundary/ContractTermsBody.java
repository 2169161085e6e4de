package io.sunshine.procurement.contract.boundary;

import io.sunshine.platform.boundary.JsonBody;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.contract.control.ContractTerms;
import io.sunshine.procurement.contract.control.DisputeResolution;
import io.sunshine.procurement.contract.control.Milestone;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the negotiable terms of {@code PUT /api/v1/contracts/{id}/terms}; the rules (milestones
 * summing to 100, bond ≤ 10 %, …) are {@link ContractTerms#validated}'s. Percentages are decimals
 * as strings ({@code "30.00"}) or JSON numbers.
 *
 * <pre>{@code
 * {"deliveryPlace": "…", "deliveryPeriod": "…", "acceptance": "…", "warranty": "…",
 *  "milestones": [{"name": "预付款", "percent": "30", "condition": "…"}, …],
 *  "bondPercent": "5", "dispute": "ARBITRATION", "disputeBody": "滨江仲裁委员会", "otherTerms": "…"}
 * }</pre>
 */
final class ContractTermsBody {
    private ContractTermsBody() {}

    static ContractTerms terms(JsonBody json) {
        List<Milestone> milestones = new ArrayList<>();
        List<JsonBody> rows = json.objects("milestones");
        for (int i = 0; i < rows.size(); i++) {
            JsonBody m = rows.get(i);
            milestones.add(
                    new Milestone(
                            m.optionalString("name"),
                            decimal(m, "percent", "milestones[" + i + "].percent"),
                            m.optionalString("condition")));
        }
        String dispute = json.optionalString("dispute");
        return new ContractTerms(
                json.optionalString("deliveryPlace"),
                json.optionalString("deliveryPeriod"),
                json.optionalString("acceptance"),
                json.optionalString("warranty"),
                milestones,
                decimal(json, "bondPercent", "bondPercent"),
                dispute == null
                        ? null
                        : JsonBody.enumValue(DisputeResolution.class, dispute, "dispute"),
                json.optionalString("disputeBody"),
                json.optionalString("otherTerms"));
    }

    private static BigDecimal decimal(JsonBody json, String name, String field) {
        String raw = json.rawText(name);
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        if (t.isEmpty() || t.length() > 20 || !t.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        return new BigDecimal(t);
    }
}

package io.sunshine.procurement.contract.control;

import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The terms the purchaser sets for one contract (合同条款), beyond the items and the price: where and
 * by when the goods are delivered, how they are accepted, the warranty, the payment schedule, the
 * performance bond, how disputes are settled and anything else agreed. The template's fixed clauses
 * (合同生效, 违约责任, 廉洁条款, 合同份数…) are not terms: they are the same in every contract of a method.
 *
 * <p>A value of this record may hold anything a form sent; {@link #validated()} checks it and
 * returns the terms as the contract prints them, or refuses with the first problem found:
 *
 * <pre>{@code
 * ContractTerms terms = ContractTerms.defaults(template)            // the template's proposal…
 *         .withMilestones(List.of(new Milestone("验收款", new BigDecimal("100"), "验收合格后10个工作日内")))
 *         .validated();                                              // …or Refusal CONTRACT_*
 * }</pre>
 *
 * @param bondPercent the performance bond (履约保证金) as a share of the contract amount in per cent; 0
 *     means none is asked
 * @param disputeBody the arbitration commission or the court, as {@code dispute} says
 * @param otherTerms anything else agreed (其他约定); may be empty
 */
public record ContractTerms(
        String deliveryPlace,
        String deliveryPeriod,
        String acceptance,
        String warranty,
        List<Milestone> milestones,
        BigDecimal bondPercent,
        DisputeResolution dispute,
        String disputeBody,
        String otherTerms) {

    /** 政府采购法实施条例 第四十八条: 履约保证金的数额不得超过政府采购合同金额的10%. */
    public static final BigDecimal MAX_BOND_PERCENT = new BigDecimal("10");

    /**
     * The source of {@link #MAX_BOND_PERCENT}: a key {@code source.REG_48} of the problems bundle.
     */
    public static final String BOND_SOURCE = "REG_48";

    public static final int MAX_MILESTONES = 12;
    static final int PLACE_LENGTH = 200;
    static final int PERIOD_LENGTH = 200;
    static final int CLAUSE_LENGTH = 2000;
    static final int OTHER_TERMS_LENGTH = 4000;
    static final int DISPUTE_BODY_LENGTH = 100;
    static final int MILESTONE_NAME_LENGTH = 30;
    static final int MILESTONE_CONDITION_LENGTH = 200;

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public ContractTerms {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** The terms a template proposes for a new contract of its method. */
    public static ContractTerms defaults(ContractTemplate template) {
        return template.defaultTerms();
    }

    public ContractTerms withMilestones(List<Milestone> schedule) {
        return new ContractTerms(
                deliveryPlace,
                deliveryPeriod,
                acceptance,
                warranty,
                schedule,
                bondPercent,
                dispute,
                disputeBody,
                otherTerms);
    }

    public ContractTerms withBondPercent(BigDecimal percent) {
        return new ContractTerms(
                deliveryPlace,
                deliveryPeriod,
                acceptance,
                warranty,
                milestones,
                percent,
                dispute,
                disputeBody,
                otherTerms);
    }

    public ContractTerms withDispute(DisputeResolution resolution, String body) {
        return new ContractTerms(
                deliveryPlace,
                deliveryPeriod,
                acceptance,
                warranty,
                milestones,
                bondPercent,
                resolution,
                body,
                otherTerms);
    }

    /**
     * These terms checked, texts stripped, percentages with two decimals.
     *
     * @throws Refusal naming the field ({@code deliveryPlace}, {@code milestones[0].percent},
     *     {@code bondPercent}…), with the first problem found:
     *     <ul>
     *       <li>CONTRACT_TERM_MISSING {0} the field's label — a required text is empty, or no
     *           dispute resolution is chosen;
     *       <li>CONTRACT_TERM_TOO_LONG {0} label, {1} the maximum, {2} the length (code points);
     *       <li>CONTRACT_MILESTONES_MISSING — no payment milestone;
     *       <li>CONTRACT_MILESTONES_TOO_MANY {0} count, {1} maximum;
     *       <li>CONTRACT_MILESTONE_PERCENT_INVALID {0} the milestone's number from 1, {1} its name,
     *           {2} the percentage — missing, ≤ 0 or more than two decimals;
     *       <li>CONTRACT_MILESTONES_NOT_100 {0} the actual sum — the percentages do not add up to
     *           exactly 100;
     *       <li>CONTRACT_BOND_INVALID {0} the percentage — missing, negative or more than two
     *           decimals;
     *       <li>CONTRACT_BOND_TOO_HIGH {0} the percentage, {1} the maximum (10), {2} the source
     *           (实施条例 第四十八条);
     *       <li>CONTRACT_DISPUTE_BODY_MISSING {0} arbitration or court, {1} what must be named.
     *     </ul>
     */
    public ContractTerms validated() {
        String place = text(deliveryPlace, "deliveryPlace", PLACE_LENGTH, true);
        String period = text(deliveryPeriod, "deliveryPeriod", PERIOD_LENGTH, true);
        String accept = text(acceptance, "acceptance", CLAUSE_LENGTH, true);
        String warrant = text(warranty, "warranty", CLAUSE_LENGTH, true);
        List<Milestone> schedule = schedule(milestones);
        BigDecimal bond = bond(bondPercent);
        if (dispute == null) {
            throw new Refusal(ProblemCode.CONTRACT_TERM_MISSING, "dispute", label("dispute"));
        }
        if (disputeBody == null || disputeBody.isBlank()) {
            throw new Refusal(
                    ProblemCode.CONTRACT_DISPUTE_BODY_MISSING,
                    "disputeBody",
                    new Localized("dispute." + dispute.name()),
                    new Localized("dispute.body." + dispute.name()));
        }
        String body = text(disputeBody, "disputeBody", DISPUTE_BODY_LENGTH, true);
        String other = text(otherTerms, "otherTerms", OTHER_TERMS_LENGTH, false);
        return new ContractTerms(
                place, period, accept, warrant, schedule, bond, dispute, body, other);
    }

    /**
     * The amount of each milestone for a contract total, in order: each milestone's share rounded
     * half-up to the fen, the last one taking what remains, so the amounts add up exactly to the
     * total (never below zero: a share is cut to what is left for tiny totals).
     */
    public List<BigDecimal> milestoneAmounts(BigDecimal total) {
        List<BigDecimal> amounts = new ArrayList<>(milestones.size());
        BigDecimal left = total.setScale(2, RoundingMode.UNNECESSARY);
        for (int i = 0; i < milestones.size(); i++) {
            BigDecimal amount;
            if (i == milestones.size() - 1) {
                amount = left;
            } else {
                amount =
                        total.multiply(milestones.get(i).percent())
                                .divide(HUNDRED, 2, RoundingMode.HALF_UP)
                                .min(left);
            }
            amounts.add(amount);
            left = left.subtract(amount);
        }
        return List.copyOf(amounts);
    }

    /**
     * The performance bond for a contract total: its share rounded <em>down</em> to the fen, so it
     * never exceeds the share the law allows (as the bid security is, see {@code BidSecurityRule}).
     */
    public BigDecimal bondAmount(BigDecimal total) {
        return total.multiply(bondPercent).divide(HUNDRED, 2, RoundingMode.DOWN);
    }

    private static List<Milestone> schedule(List<Milestone> milestones) {
        if (milestones.isEmpty()) {
            throw new Refusal(ProblemCode.CONTRACT_MILESTONES_MISSING, "milestones");
        }
        if (milestones.size() > MAX_MILESTONES) {
            throw new Refusal(
                    ProblemCode.CONTRACT_MILESTONES_TOO_MANY,
                    "milestones",
                    String.valueOf(milestones.size()),
                    String.valueOf(MAX_MILESTONES));
        }
        List<Milestone> checked = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            String field = "milestones[" + i + "]";
            if (m == null) {
                throw new Refusal(
                        ProblemCode.CONTRACT_TERM_MISSING,
                        field + ".name",
                        new Localized("field.milestoneName", String.valueOf(i + 1)));
            }
            String name =
                    text(
                            m.name(),
                            field + ".name",
                            new Localized("field.milestoneName", String.valueOf(i + 1)),
                            MILESTONE_NAME_LENGTH,
                            true);
            BigDecimal p = m.percent();
            if (p == null || p.signum() <= 0 || p.stripTrailingZeros().scale() > 2) {
                throw new Refusal(
                        ProblemCode.CONTRACT_MILESTONE_PERCENT_INVALID,
                        field + ".percent",
                        String.valueOf(i + 1),
                        name,
                        p == null ? "" : p.toPlainString());
            }
            String condition =
                    text(
                            m.condition(),
                            field + ".condition",
                            new Localized("field.milestoneCondition", String.valueOf(i + 1)),
                            MILESTONE_CONDITION_LENGTH,
                            true);
            BigDecimal percent = p.setScale(2, RoundingMode.UNNECESSARY);
            sum = sum.add(percent);
            checked.add(new Milestone(name, percent, condition));
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw new Refusal(
                    ProblemCode.CONTRACT_MILESTONES_NOT_100,
                    "milestones",
                    sum.stripTrailingZeros().toPlainString());
        }
        return List.copyOf(checked);
    }

    private static BigDecimal bond(BigDecimal percent) {
        if (percent == null || percent.signum() < 0 || percent.stripTrailingZeros().scale() > 2) {
            throw new Refusal(
                    ProblemCode.CONTRACT_BOND_INVALID,
                    "bondPercent",
                    percent == null ? "" : percent.toPlainString());
        }
        if (percent.compareTo(MAX_BOND_PERCENT) > 0) {
            throw new Refusal(
                    ProblemCode.CONTRACT_BOND_TOO_HIGH,
                    "bondPercent",
                    percent.stripTrailingZeros().toPlainString(),
                    MAX_BOND_PERCENT.toPlainString(),
                    new Localized("source." + BOND_SOURCE));
        }
        return percent.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String text(String value, String field, int max, boolean required) {
        return text(value, field, label(field), max, required);
    }

    private static String text(
            String value, String field, Localized label, int max, boolean required) {
        String v = value == null ? "" : value.strip().replace("\r\n", "\n");
        if (required && v.isEmpty()) {
            throw new Refusal(ProblemCode.CONTRACT_TERM_MISSING, field, label);
        }
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            throw new Refusal(
                    ProblemCode.CONTRACT_TERM_TOO_LONG,
                    field,
                    label,
                    String.valueOf(max),
                    String.valueOf(length));
        }
        return v;
    }

    private static Localized label(String field) {
        return new Localized("field." + field);
    }
}

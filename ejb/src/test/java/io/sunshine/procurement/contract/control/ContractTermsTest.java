package io.sunshine.procurement.contract.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract terms rules: payment schedule, performance bond, texts and dispute resolution. */
class ContractTermsTest {
    static final ContractTerms DEFAULTS =
            ContractTemplate.load(ProcurementMethod.REVERSE_AUCTION).defaultTerms();

    private static List<Milestone> schedule(String... percents) {
        List<Milestone> m = new ArrayList<>();
        for (int i = 0; i < percents.length; i++) {
            m.add(new Milestone("第" + (i + 1) + "笔", new BigDecimal(percents[i]), "验收合格后"));
        }
        return m;
    }

    private static Refusal refused(ContractTerms terms) {
        return assertThrows(Refusal.class, terms::validated);
    }

    private static String zh(Refusal r) {
        return ProblemMessages.message(r.code(), ProblemMessages.CHINESE, r.args());
    }

    private static String en(Refusal r) {
        return ProblemMessages.message(r.code(), ProblemMessages.ENGLISH, r.args());
    }

    @Test
    void theTemplateDefaultsAreValidThirtySeventyWithAFivePercentBond() {
        ContractTerms t = DEFAULTS.validated();
        assertEquals(2, t.milestones().size());
        assertEquals(new BigDecimal("30.00"), t.milestones().get(0).percent());
        assertEquals(new BigDecimal("70.00"), t.milestones().get(1).percent());
        assertEquals(new BigDecimal("5.00"), t.bondPercent());
        assertEquals(
                t,
                ContractTerms.defaults(ContractTemplate.load(ProcurementMethod.REVERSE_AUCTION)));
    }

    @Test
    void milestonesMustAddUpToExactlyOneHundred() {
        assertEquals(
                3,
                DEFAULTS.withMilestones(schedule("33.33", "33.33", "33.34"))
                        .validated()
                        .milestones()
                        .size());

        Refusal under = refused(DEFAULTS.withMilestones(schedule("33.33", "33.33", "33.33")));
        assertEquals(ProblemCode.CONTRACT_MILESTONES_NOT_100, under.code());
        assertEquals("milestones", under.field());
        assertEquals("各期付款比例之和为 99.99%，须恰好等于 100%。", zh(under));
        assertEquals(
                "The payment milestones add up to 99.99 %; they must add up to exactly 100 %.",
                en(under));

        Refusal over = refused(DEFAULTS.withMilestones(schedule("30", "70.01")));
        assertEquals(ProblemCode.CONTRACT_MILESTONES_NOT_100, over.code());
        assertTrue(zh(over).contains("100.01%"), zh(over));
        assertTrue(en(over).contains("100.01 %"), en(over));
    }

    @Test
    void aMilestonePercentIsPositiveWithAtMostTwoDecimals() {
        for (String bad : List.of("0", "-10", "0.001", "30.005")) {
            Refusal r = refused(DEFAULTS.withMilestones(schedule("50", bad, "50")));
            assertEquals(ProblemCode.CONTRACT_MILESTONE_PERCENT_INVALID, r.code(), bad);
            assertEquals("milestones[1].percent", r.field());
            assertTrue(zh(r).startsWith("第 2 期付款“第2笔”的比例 " + bad + "% 无效"), zh(r));
            assertTrue(en(r).startsWith("Payment milestone 2 (\"第2笔\")"), en(r));
        }
        List<Milestone> noPercent = new ArrayList<>(schedule("100"));
        noPercent.set(0, new Milestone("验收款", null, "验收合格后"));
        assertEquals(
                ProblemCode.CONTRACT_MILESTONE_PERCENT_INVALID,
                refused(DEFAULTS.withMilestones(noPercent)).code());
    }

    @Test
    void aScheduleHasOneToTwelveMilestonesEachNamedWithACondition() {
        Refusal none = refused(DEFAULTS.withMilestones(List.of()));
        assertEquals(ProblemCode.CONTRACT_MILESTONES_MISSING, none.code());
        assertEquals("milestones", none.field());
        assertEquals(
                ProblemCode.CONTRACT_MILESTONES_MISSING,
                refused(DEFAULTS.withMilestones(null)).code());

        String[] thirteen = new String[13];
        java.util.Arrays.fill(thirteen, "7.69");
        assertEquals(
                ProblemCode.CONTRACT_MILESTONES_TOO_MANY,
                refused(DEFAULTS.withMilestones(schedule(thirteen))).code());

        Refusal unnamed =
                refused(
                        DEFAULTS.withMilestones(
                                List.of(new Milestone(" ", new BigDecimal("100"), "验收后"))));
        assertEquals(ProblemCode.CONTRACT_TERM_MISSING, unnamed.code());
        assertEquals("milestones[0].name", unnamed.field());
        assertEquals("请填写第 1 期付款的款项名称：合同不能缺少这一条款。", zh(unnamed));
        assertEquals(
                "Name of payment milestone 1 is required: a contract cannot go without it.",
                en(unnamed));

        Refusal noCondition =
                refused(
                        DEFAULTS.withMilestones(
                                List.of(new Milestone("验收款", new BigDecimal("100"), null))));
        assertEquals("milestones[0].condition", noCondition.field());
    }

    @Test
    void theBondIsAtMostTenPercentOfTheContractAmount() {
        assertEquals(
                new BigDecimal("10.00"),
                DEFAULTS.withBondPercent(new BigDecimal("10")).validated().bondPercent());
        assertEquals(
                new BigDecimal("0.00"),
                DEFAULTS.withBondPercent(BigDecimal.ZERO).validated().bondPercent());

        Refusal high = refused(DEFAULTS.withBondPercent(new BigDecimal("10.01")));
        assertEquals(ProblemCode.CONTRACT_BOND_TOO_HIGH, high.code());
        assertEquals("bondPercent", high.field());
        assertEquals("履约保证金比例 10.01% 过高：履约保证金的数额不得超过政府采购合同金额的 10%（《政府采购法实施条例》第四十八条）。", zh(high));
        assertTrue(en(high).contains("may not exceed 10 % of the contract amount"), en(high));
        assertTrue(en(high).contains("art. 48"), en(high));
    }

    @Test
    void aNegativeOrOverPreciseBondIsInvalid() {
        for (String bad : List.of("-1", "-0.01", "5.001")) {
            Refusal r = refused(DEFAULTS.withBondPercent(new BigDecimal(bad)));
            assertEquals(ProblemCode.CONTRACT_BOND_INVALID, r.code(), bad);
            assertEquals("bondPercent", r.field());
        }
        assertEquals(
                ProblemCode.CONTRACT_BOND_INVALID, refused(DEFAULTS.withBondPercent(null)).code());
    }

    @Test
    void requiredTextsMustBePresentAndNotTooLong() {
        ContractTerms noPlace =
                new ContractTerms(
                        "  ",
                        DEFAULTS.deliveryPeriod(),
                        DEFAULTS.acceptance(),
                        DEFAULTS.warranty(),
                        DEFAULTS.milestones(),
                        DEFAULTS.bondPercent(),
                        DEFAULTS.dispute(),
                        DEFAULTS.disputeBody(),
                        "");
        Refusal r = refused(noPlace);
        assertEquals(ProblemCode.CONTRACT_TERM_MISSING, r.code());
        assertEquals("deliveryPlace", r.field());
        assertEquals("请填写交货（服务）地点：合同不能缺少这一条款。", zh(r));
        assertEquals("Place of delivery is required: a contract cannot go without it.", en(r));

        ContractTerms longWarranty =
                new ContractTerms(
                        DEFAULTS.deliveryPlace(),
                        DEFAULTS.deliveryPeriod(),
                        DEFAULTS.acceptance(),
                        "保".repeat(2001),
                        DEFAULTS.milestones(),
                        DEFAULTS.bondPercent(),
                        DEFAULTS.dispute(),
                        DEFAULTS.disputeBody(),
                        null);
        Refusal tooLong = refused(longWarranty);
        assertEquals(ProblemCode.CONTRACT_TERM_TOO_LONG, tooLong.code());
        assertEquals("warranty", tooLong.field());
        assertEquals("质量保证（质保）条款不得超过 2000 个字符，现为 2001 个字符。", zh(tooLong));
        assertEquals("Warranty terms may have at most 2000 characters; it has 2001.", en(tooLong));

        // other terms are optional; texts come back stripped
        ContractTerms ok =
                new ContractTerms(
                                "  甲方指定地点 ",
                                DEFAULTS.deliveryPeriod(),
                                DEFAULTS.acceptance(),
                                "保".repeat(2000),
                                DEFAULTS.milestones(),
                                DEFAULTS.bondPercent(),
                                DEFAULTS.dispute(),
                                DEFAULTS.disputeBody(),
                                null)
                        .validated();
        assertEquals("甲方指定地点", ok.deliveryPlace());
        assertEquals("", ok.otherTerms());
    }

    @Test
    void theDisputeResolutionNamesItsBody() {
        Refusal noBody = refused(DEFAULTS.withDispute(DisputeResolution.ARBITRATION, ""));
        assertEquals(ProblemCode.CONTRACT_DISPUTE_BODY_MISSING, noBody.code());
        assertEquals("disputeBody", noBody.field());
        assertEquals("争议解决方式为仲裁时，须写明仲裁委员会的名称（如：杭州仲裁委员会）。", zh(noBody));
        assertTrue(en(noBody).startsWith("When disputes go to arbitration"), en(noBody));
        assertTrue(
                en(refused(DEFAULTS.withDispute(DisputeResolution.LITIGATION, null)))
                        .contains("people's court"));

        Refusal noChoice = refused(DEFAULTS.withDispute(null, "杭州仲裁委员会"));
        assertEquals(ProblemCode.CONTRACT_TERM_MISSING, noChoice.code());
        assertEquals("dispute", noChoice.field());
        assertEquals(
                "杭州仲裁委员会",
                DEFAULTS.withDispute(DisputeResolution.ARBITRATION, "杭州仲裁委员会")
                        .validated()
                        .disputeBody());
    }

    @Test
    void milestoneAmountsAddUpExactlyTheLastTakingTheRemainder() {
        ContractTerms t = DEFAULTS.withMilestones(schedule("33.33", "33.33", "33.34")).validated();
        List<BigDecimal> a = t.milestoneAmounts(new BigDecimal("100000.01"));
        assertEquals(
                List.of(
                        new BigDecimal("33330.00"),
                        new BigDecimal("33330.00"),
                        new BigDecimal("33340.01")),
                a);

        ContractTerms d = DEFAULTS.validated();
        assertEquals(
                List.of(new BigDecimal("370370.37"), new BigDecimal("864197.52")),
                d.milestoneAmounts(new BigDecimal("1234567.89")));

        // tiny totals: a share rounded up never leaves the last one below zero
        ContractTerms four = DEFAULTS.withMilestones(schedule("30", "30", "30", "10")).validated();
        List<BigDecimal> tiny = four.milestoneAmounts(new BigDecimal("0.05"));
        assertEquals(
                new BigDecimal("0.05"), tiny.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertTrue(tiny.stream().allMatch(x -> x.signum() >= 0), tiny.toString());
    }

    @Test
    void theBondAmountIsRoundedDownToTheFen() {
        ContractTerms t = DEFAULTS.withBondPercent(new BigDecimal("10")).validated();
        assertEquals(new BigDecimal("10.50"), t.bondAmount(new BigDecimal("105.09")));
        assertEquals(
                new BigDecimal("61728.39"),
                DEFAULTS.validated().bondAmount(new BigDecimal("1234567.89")));
    }
}

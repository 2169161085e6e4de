package io.sunshine.procurement.contract.control;

import java.math.BigDecimal;

/**
 * One payment of the contract's schedule (付款计划): a name (预付款, 验收款, 质保金…), its share of the contract
 * price in per cent (two decimals at most) and the condition on which it is paid (合同签订后10个工作日内,
 * 验收合格后…). The shares of a schedule add up to exactly 100; see {@link ContractTerms#validated()}
 * and {@link ContractTerms#milestoneAmounts(BigDecimal)}.
 */
public record Milestone(String name, BigDecimal percent, String condition) {}

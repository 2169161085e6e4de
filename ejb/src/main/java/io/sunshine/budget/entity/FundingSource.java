package io.sunshine.budget.entity;

/** Where a line's money comes from (资金来源). */
public enum FundingSource {
    /** 一般公共预算 */
    GENERAL_PUBLIC_BUDGET,
    /** 政府性基金预算 */
    GOVERNMENT_FUND,
    /** 国有资本经营预算 */
    STATE_CAPITAL,
    /** 财政专户管理资金 */
    FISCAL_SPECIAL_ACCOUNT,
    /** 单位资金 */
    UNIT_OWN
}

package io.sunshine.procurement.notice.entity;

/**
 * The kinds of public notice (公告), each with its template in {@code config/notices/} and its OCDS
 * release tag.
 */
public enum NoticeType {
    /** 采购意向公开 → planning. */
    INTENTION,
    /** 采购公告 (招标/谈判/磋商/询价/竞价) → tender. */
    PROCUREMENT,
    /** 单一来源采购公示 → tender. */
    SINGLE_SOURCE,
    /** 更正公告 → tenderAmendment. */
    CORRECTION,
    /** 终止公告 → tenderCancellation. */
    TERMINATION,
    /** 中标/成交结果公告 → award. */
    AWARD,
    /** 合同公告 → contract. */
    CONTRACT,
    /** 履约验收结果公告 → implementation. */
    ACCEPTANCE
}

package io.sunshine.procurement.requirement.entity;

/** The procurement methods of Law art. 26, and the online reverse auction. */
public enum ProcurementMethod {
    /** 公开招标 */
    OPEN_TENDER,
    /** 邀请招标 */
    INVITED_TENDER,
    /** 竞争性谈判 */
    COMPETITIVE_NEGOTIATION,
    /** 竞争性磋商 */
    COMPETITIVE_CONSULTATION,
    /** 询价 (goods only, Law art. 32) */
    REQUEST_FOR_QUOTATION,
    /** 单一来源 (Law art. 31: only with a stated reason) */
    SINGLE_SOURCE,
    /** 网上竞价 (reverse auction, for goods the catalogue allows) */
    REVERSE_AUCTION
}

package io.sunshine.procurement.contract.control;

/**
 * How the parties settle a dispute they cannot settle by negotiation: before an arbitration
 * commission (仲裁, final and binding) or before a people's court (诉讼). The two exclude each other,
 * so a contract names exactly one, with its body ({@link ContractTerms#disputeBody()}).
 */
public enum DisputeResolution {
    /** 提交仲裁委员会仲裁 */
    ARBITRATION,
    /** 向人民法院提起诉讼 */
    LITIGATION
}

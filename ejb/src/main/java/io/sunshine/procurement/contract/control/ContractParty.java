package io.sunshine.procurement.contract.control;

/** The two parties that sign: the buyer (采购人, 甲方) and the awarded supplier (供应商, 乙方). */
public enum ContractParty {
    PURCHASER,
    SUPPLIER
}

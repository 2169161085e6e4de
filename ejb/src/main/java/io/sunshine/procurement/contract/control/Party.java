package io.sunshine.procurement.contract.control;

import java.util.Objects;

/**
 * A party to the contract as the contract prints it: the purchaser (甲方, 采购人) or the supplier (乙方,
 * 供应商), with its unified social credit code (统一社会信用代码), address and the bank account payments go to
 * (the supplier's) or come from (the purchaser's). Contact and phone are optional.
 */
public record Party(
        String name,
        String creditCode,
        String address,
        String contact,
        String phone,
        String bankName,
        String bankAccountName,
        String bankAccountNumber) {
    public Party {
        Objects.requireNonNull(name, "A party's name is required.");
        Objects.requireNonNull(creditCode, "A party's unified social credit code is required.");
        Objects.requireNonNull(address, "A party's address is required.");
        Objects.requireNonNull(bankName, "A party's bank is required.");
        Objects.requireNonNull(bankAccountName, "A party's bank account name is required.");
        Objects.requireNonNull(bankAccountNumber, "A party's bank account number is required.");
    }
}

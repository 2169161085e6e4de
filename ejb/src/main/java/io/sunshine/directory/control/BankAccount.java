package io.sunshine.directory.control;

import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;

/**
 * The bank account a supplier is paid into (基本存款账户 or the account its contracts name): the bank and
 * branch, the account's name and its number. The number is kept as digits only: mainland bank
 * account numbers have 8 to 30 digits (corporate settlement accounts are commonly 12 to 23); people
 * write them in groups, so spaces and dashes between digits are accepted and removed.
 *
 * <pre>{@code
 * BankAccount.of("中国工商银行滨江支行", "滨江科技有限公司", "1202 0212 0900 1234 567").accountNumber();
 * // "1202021209001234567"
 * }</pre>
 */
public record BankAccount(String bankName, String accountName, String accountNumber) {
    public static final int NUMBER_MIN = 8;
    public static final int NUMBER_MAX = 30;
    public static final int BANK_NAME_MIN = 4;
    public static final int BANK_NAME_MAX = 100;
    public static final int ACCOUNT_NAME_MAX = 200;

    /** The account, normalised, or a BANK_ACCOUNT_INVALID refusal naming the field and why. */
    public static BankAccount of(String bankName, String accountName, String accountNumber) {
        String bank = bankName == null ? "" : bankName.strip();
        if (bank.length() < BANK_NAME_MIN || bank.length() > BANK_NAME_MAX) {
            throw refusal("bankName", "BANK_NAME", BANK_NAME_MIN, BANK_NAME_MAX);
        }
        String name = accountName == null ? "" : accountName.strip();
        if (name.isEmpty() || name.length() > ACCOUNT_NAME_MAX) {
            throw refusal("bankAccountName", "ACCOUNT_NAME", 1, ACCOUNT_NAME_MAX);
        }
        String raw = accountNumber == null ? "" : accountNumber.strip();
        StringBuilder digits = new StringBuilder();
        char previous = '0';
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if ((c == ' ' || c == '-') && Character.isDigit(previous) && i > 0) {
                // a separator between digit groups
            } else {
                throw refusal("bankAccountNumber", "NUMBER_CHARACTERS");
            }
            previous = c;
        }
        if (raw.endsWith(" ") || raw.endsWith("-")) {
            throw refusal("bankAccountNumber", "NUMBER_CHARACTERS");
        }
        if (digits.length() < NUMBER_MIN || digits.length() > NUMBER_MAX) {
            throw refusal(
                    "bankAccountNumber", "NUMBER_LENGTH", NUMBER_MIN, NUMBER_MAX, digits.length());
        }
        return new BankAccount(bank, name, digits.toString());
    }

    /** The number as shown to anyone but the account's owner: the last four digits. */
    public String maskedNumber() {
        return "**** " + accountNumber.substring(accountNumber.length() - 4);
    }

    private static Refusal refusal(String field, String reason, Object... args) {
        return new Refusal(
                ProblemCode.BANK_ACCOUNT_INVALID,
                field,
                new Localized("reason.bankAccount." + reason, args));
    }
}

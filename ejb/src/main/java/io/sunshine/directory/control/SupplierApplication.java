package io.sunshine.directory.control;

import io.sunshine.directory.entity.SizeClass;
import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a supplier states when it registers itself (or corrects a rejected registration): its name
 * and 统一社会信用代码, legal representative, contact, declared size and bank account, and whether it
 * accepted the size declaration shown to it.
 *
 * <pre>{@code
 * SupplierApplication a = new SupplierApplication("滨江科技有限公司", "914403001922038216", "张三",
 *         "李四", "13812345678", "li@example.com", SizeClass.SMALL, "中国工商银行滨江支行",
 *         "滨江科技有限公司", "6222 0212 3456 7890 123", true).validated();
 * }</pre>
 */
public record SupplierApplication(
        String name,
        String creditCode,
        String legalRepresentative,
        String contactName,
        String contactPhone,
        String contactEmail,
        SizeClass sizeClass,
        String bankName,
        String bankAccountName,
        String bankAccountNumber,
        boolean sizeDeclarationAccepted) {

    public static final int NAME_MAX = 200;
    public static final int PERSON_MAX = 50;
    public static final int EMAIL_MAX = 100;

    // 11-digit mainland mobile number, or a landline with a 3-4 digit area code and an optional
    // extension; separators between groups allowed.
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern LANDLINE =
            Pattern.compile("0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    /**
     * The application with every field trimmed and normalised (credit code upper-cased, phone and
     * account number without separators), or the refusal of the first field that is wrong, in the
     * order of the form.
     */
    public SupplierApplication validated() {
        String n = text(name, "name", 2, NAME_MAX);
        String code = CreditCode.check(creditCode);
        String legal = text(legalRepresentative, "legalRepresentative", 1, PERSON_MAX);
        String contact = text(contactName, "contactName", 1, PERSON_MAX);
        String phone = phone(contactPhone);
        String email = email(contactEmail);
        if (sizeClass == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "sizeClass", "sizeClass");
        }
        BankAccount bank = BankAccount.of(bankName, bankAccountName, bankAccountNumber);
        if (!sizeDeclarationAccepted) {
            throw new Refusal(ProblemCode.SIZE_DECLARATION_REQUIRED, "sizeDeclarationAccepted");
        }
        return new SupplierApplication(
                n,
                code,
                legal,
                contact,
                phone,
                email,
                sizeClass,
                bank.bankName(),
                bank.accountName(),
                bank.accountNumber(),
                true);
    }

    /** A required text of {@code min} to {@code max} characters (code points), trimmed. */
    public static String text(String value, String field, int min, int max) {
        String v = value == null ? "" : value.strip();
        int length = v.codePointCount(0, v.length());
        if (length < min || length > max) {
            throw new Refusal(
                    ProblemCode.TEXT_LENGTH_INVALID,
                    field,
                    new Localized("field." + field),
                    min,
                    max);
        }
        return v;
    }

    static String phone(String value) {
        String v = value == null ? "" : value.strip();
        String compact = v.replace(" ", "");
        if (compact.startsWith("+86")) {
            compact = compact.substring(3);
        }
        if (MOBILE.matcher(compact.replace("-", "")).matches()) {
            return compact.replace("-", "");
        }
        if (LANDLINE.matcher(compact).matches()) {
            return compact;
        }
        throw new Refusal(ProblemCode.PHONE_INVALID, "contactPhone", shown(v));
    }

    static String email(String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() > EMAIL_MAX || !EMAIL.matcher(v).matches()) {
            throw new Refusal(ProblemCode.EMAIL_INVALID, "contactEmail", shown(v));
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /** A value echoed in a message: never more than 40 characters of it. */
    static String shown(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}

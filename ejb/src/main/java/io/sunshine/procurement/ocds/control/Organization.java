package io.sunshine.procurement.ocds.control;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An organization as OCDS names it among the parties: a purchasing unit (采购单位), an agency (采购代理机构)
 * or a supplier (供应商), identified by its 统一社会信用代码.
 *
 * @param name the registered name, in Chinese
 * @param creditCode the 18-character unified social credit code (GB 32100-2015)
 * @param address the street address, or {@code null}
 * @param contactName the contact person, or {@code null}
 * @param telephone the contact telephone, or {@code null}
 */
public record Organization(
        String name, String creditCode, String address, String contactName, String telephone) {

    /**
     * The identifier scheme we publish for the unified social credit code. It follows the
     * org-id.guide pattern (country code, register); check the list at org-id.guide before the
     * first public release and change it here if the guide names the register differently.
     */
    public static final String SCHEME = "CN-USCC";

    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    public Organization {
        Objects.requireNonNull(name, "An organization's name is required.");
        Objects.requireNonNull(
                creditCode, "An organization's unified social credit code is required.");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An organization's name is required.");
        }
        if (!CREDIT_CODE.matcher(creditCode).matches()) {
            throw new IllegalArgumentException("Not a unified social credit code: " + creditCode);
        }
    }

    public Organization(String name, String creditCode) {
        this(name, creditCode, null, null, null);
    }

    /** The party id used in every release: the scheme and the code, stable across releases. */
    public String partyId() {
        return SCHEME + "-" + creditCode;
    }
}

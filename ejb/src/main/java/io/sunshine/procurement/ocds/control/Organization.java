package io.sunshine.procurement.ocds.control;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An organization as OCDS names it among the parties: a purchasing unit (采购单位), an agency (采购代理机构)
 * or a supplier (供应商), identified by its 统一社会信用代码 where the platform knows it, else by its platform
 * number.
 *
 * @param name the registered name, in Chinese
 * @param creditCode the 18-character unified social credit code (GB 32100-2015), or {@code null}
 *     when the platform does not know it (then {@code platformId} is required)
 * @param address the street address, or {@code null}
 * @param contactName the contact person, or {@code null}
 * @param telephone the contact telephone, or {@code null}
 * @param platformId the organisation's number on this platform, or {@code null}; it identifies the
 *     party only when there is no credit code
 */
public record Organization(
        String name,
        String creditCode,
        String address,
        String contactName,
        String telephone,
        String platformId) {

    /**
     * The identifier scheme we publish for the unified social credit code. It follows the
     * org-id.guide pattern (country code, register); check the list at org-id.guide before the
     * first public release and change it here if the guide names the register differently.
     */
    public static final String SCHEME = "CN-USCC";

    /**
     * The prefix of a party id for an organisation without a known credit code: OCDS only asks a
     * party id to be unique within the process, and the platform number is stable; no identifier
     * (scheme) is claimed for it.
     */
    public static final String PLATFORM_PARTY_PREFIX = "SUNSHINE-ORG-";

    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    public Organization {
        Objects.requireNonNull(name, "An organization's name is required.");
        if (creditCode == null && (platformId == null || platformId.isBlank())) {
            throw new IllegalArgumentException(
                    "An organization's unified social credit code or platform id is required.");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("An organization's name is required.");
        }
        if (creditCode != null && !CREDIT_CODE.matcher(creditCode).matches()) {
            throw new IllegalArgumentException("Not a unified social credit code: " + creditCode);
        }
    }

    public Organization(
            String name, String creditCode, String address, String contactName, String telephone) {
        this(name, creditCode, address, contactName, telephone, null);
    }

    public Organization(String name, String creditCode) {
        this(name, creditCode, null, null, null, null);
    }

    /**
     * The party id used in every release, stable across releases: the scheme and the credit code,
     * or, without a code, {@link #PLATFORM_PARTY_PREFIX} and the platform number.
     */
    public String partyId() {
        return creditCode != null ? SCHEME + "-" + creditCode : PLATFORM_PARTY_PREFIX + platformId;
    }
}

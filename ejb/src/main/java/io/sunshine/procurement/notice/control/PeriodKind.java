package io.sunshine.procurement.notice.control;

import io.sunshine.platform.control.Localized;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;

/**
 * What a method's statutory period runs from and to: the law words it differently per method, and a
 * refusal quotes the right words.
 */
public enum PeriodKind {
    /** 招标: from the issue of the tender documents to the bid deadline (Law art. 35). */
    TENDER(true),
    /** 谈判, 磋商, 询价: from the issue of the documents to the first response deadline. */
    RESPONSE(true),
    /**
     * 单一来源公示: from publication to the end of the public notice period (条例 art. 38). It has no bid
     * deadline, so no correction moves one: a changed notice is published anew.
     */
    PUBLIC_NOTICE(false),
    /** 网上竞价: from the notice to the start of the auction (platform rule). */
    AUCTION(true);

    private final boolean correctable;

    PeriodKind(boolean correctable) {
        this.correctable = correctable;
    }

    public static PeriodKind of(ProcurementMethod method) {
        return switch (method) {
            case OPEN_TENDER, INVITED_TENDER -> TENDER;
            case COMPETITIVE_NEGOTIATION, COMPETITIVE_CONSULTATION, REQUEST_FOR_QUOTATION ->
                    RESPONSE;
            case SINGLE_SOURCE -> PUBLIC_NOTICE;
            case REVERSE_AUCTION -> AUCTION;
        };
    }

    /**
     * Whether a correction can move this period's deadline (the table then has a correction row).
     */
    public boolean correctable() {
        return correctable;
    }

    /** "from … to …" in the caller's language. */
    public Localized span() {
        return new Localized("periodKind." + name());
    }
}

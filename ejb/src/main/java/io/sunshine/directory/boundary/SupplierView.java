package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.RegistrationStatus;
import io.sunshine.directory.entity.SizeClass;
import io.sunshine.directory.entity.SupplierRegistration;
import java.io.Serializable;
import java.time.Instant;

/**
 * A supplier's registration as its own staff and the reviewers see it. A supplier an administrator
 * registered (or one from before self-registration) has only its organisation's fields; the rest is
 * null.
 */
public record SupplierView(
        long id,
        String name,
        String creditCode,
        SizeClass sizeClass,
        RegistrationStatus status,
        String legalRepresentative,
        String contactName,
        String contactPhone,
        String contactEmail,
        String bankName,
        String bankAccountName,
        String bankAccountNumber,
        String sizeDeclarationText,
        String sizeDeclarationVersion,
        Instant sizeDeclaredAt,
        Instant submittedAt,
        int submissions,
        Instant reviewedAt,
        String reviewedBy,
        String reviewReason,
        long documentCount)
        implements Serializable {

    static SupplierView of(Organisation o, SupplierRegistration r, long documentCount) {
        if (r == null) {
            return new SupplierView(
                    o.getId(),
                    o.getName(),
                    o.getCreditCode(),
                    o.getSizeClass(),
                    o.getRegistrationStatus(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    null,
                    null,
                    null,
                    documentCount);
        }
        return new SupplierView(
                o.getId(),
                o.getName(),
                o.getCreditCode(),
                o.getSizeClass(),
                o.getRegistrationStatus(),
                r.getLegalRepresentative(),
                r.getContactName(),
                r.getContactPhone(),
                r.getContactEmail(),
                r.getBankName(),
                r.getBankAccountName(),
                r.getBankAccountNumber(),
                r.getSizeDeclarationText(),
                r.getSizeDeclarationVersion(),
                r.getSizeDeclaredAt(),
                r.getSubmittedAt(),
                r.getSubmissions(),
                r.getReviewedAt(),
                r.getReviewedBy(),
                r.getReviewReason(),
                documentCount);
    }

    // accessor-style names (no get/is): pages call them, JSON-B leaves them out of the API

    public boolean pending() {
        return status == RegistrationStatus.PENDING;
    }

    public boolean rejected() {
        return status == RegistrationStatus.REJECTED;
    }

    /** Whether documents may be uploaded now: while pending or rejected. */
    public boolean acceptsDocuments() {
        return status != RegistrationStatus.VERIFIED;
    }
}

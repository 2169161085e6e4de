package io.sunshine.directory.boundary;

import io.sunshine.directory.control.CertificateAuthority;
import io.sunshine.directory.entity.CertificateSource;
import io.sunshine.directory.entity.OrganisationCertificate;
import java.io.Serializable;
import java.time.Instant;

/** An organisation's signing certificate as callers see it: never the key. */
public record CertificateView(
        long id,
        long organisationId,
        String organisationName,
        String serial,
        String subject,
        String issuer,
        Instant notBefore,
        Instant notAfter,
        CertificateSource source,
        String keyAlgorithm,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String certificatePem)
        implements Serializable {

    static CertificateView of(OrganisationCertificate c) {
        return new CertificateView(
                c.getId(),
                c.getOrganisation().getId(),
                c.getOrganisation().getName(),
                c.getSerial(),
                c.getSubjectDn(),
                c.getIssuerDn(),
                c.getNotBefore(),
                c.getNotAfter(),
                c.getSource(),
                c.getKeyAlgorithm(),
                c.getCreatedAt(),
                c.getCreatedBy(),
                c.getRevokedAt(),
                CertificateAuthority.toPem(CertificateAuthority.fromDer(c.getCertificateDer())));
    }
}

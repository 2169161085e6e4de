package io.sunshine.procurement.contract.entity;

import io.sunshine.procurement.contract.control.ContractParty;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;

/** A party's signature of a contract version: who signed for which organisation, when, how. */
@Embeddable
public class ContractSignature {
    @Enumerated(EnumType.STRING)
    @Column(name = "party", nullable = false, length = 10)
    private ContractParty party;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "signer", nullable = false, length = 60)
    private String signer;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "certificate_serial", nullable = false, length = 64)
    private String certificateSerial;

    @Column(name = "document_sha256", nullable = false, length = 64)
    private String documentSha256;

    protected ContractSignature() {}

    public ContractSignature(
            ContractParty party,
            long organisationId,
            String signer,
            Instant signedAt,
            String certificateSerial,
            String documentSha256) {
        this.party = Objects.requireNonNull(party);
        this.organisationId = organisationId;
        this.signer = Objects.requireNonNull(signer);
        this.signedAt = Objects.requireNonNull(signedAt);
        this.certificateSerial = Objects.requireNonNull(certificateSerial);
        this.documentSha256 = Objects.requireNonNull(documentSha256);
    }

    public ContractParty getParty() {
        return party;
    }

    public long getOrganisationId() {
        return organisationId;
    }

    public String getSigner() {
        return signer;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public String getCertificateSerial() {
        return certificateSerial;
    }

    public String getDocumentSha256() {
        return documentSha256;
    }
}

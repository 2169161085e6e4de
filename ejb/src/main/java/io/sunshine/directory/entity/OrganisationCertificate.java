package io.sunshine.directory.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * An organisation's signing certificate and its private key, the key encrypted under the platform's
 * master key (never stored in clear). One is in force per organisation; a newer one revokes it.
 */
@Entity
@Table(name = "organisation_certificate")
public class OrganisationCertificate {
    @Id
    @SequenceGenerator(
            name = "organisation_certificate_seq",
            sequenceName = "organisation_certificate_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_certificate_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

    /** Serial number in upper-case hex. */
    @Column(name = "serial", nullable = false, length = 64)
    private String serial;

    @Column(name = "subject_dn", nullable = false, length = 1000)
    private String subjectDn;

    @Column(name = "issuer_dn", nullable = false, length = 1000)
    private String issuerDn;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "certificate_der", nullable = false)
    private byte[] certificateDer;

    /** The issuers' certificates (DER, concatenated) as an imported file carried them. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "issuer_chain_der")
    private byte[] issuerChainDer;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 10)
    private CertificateSource source;

    /** PKCS#8, wrapped by MasterKey with the purpose {@link #keyPurpose()}. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "private_key_wrapped", nullable = false)
    private byte[] privateKeyWrapped;

    @Column(name = "key_algorithm", nullable = false, length = 20)
    private String keyAlgorithm;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 60)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version private long version;

    protected OrganisationCertificate() {}

    public OrganisationCertificate(
            Organisation organisation,
            String serial,
            String subjectDn,
            String issuerDn,
            byte[] certificateDer,
            byte[] issuerChainDer,
            Instant notBefore,
            Instant notAfter,
            CertificateSource source,
            byte[] privateKeyWrapped,
            String keyAlgorithm,
            Instant createdAt,
            String createdBy) {
        this.organisation = Objects.requireNonNull(organisation, "A certificate has an owner.");
        this.serial = Objects.requireNonNull(serial, "A certificate has a serial number.");
        this.subjectDn = Objects.requireNonNull(subjectDn);
        this.issuerDn = Objects.requireNonNull(issuerDn);
        this.certificateDer = Objects.requireNonNull(certificateDer).clone();
        this.issuerChainDer = issuerChainDer == null ? null : issuerChainDer.clone();
        this.notBefore = Objects.requireNonNull(notBefore);
        this.notAfter = Objects.requireNonNull(notAfter);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("A certificate ends after it begins.");
        }
        this.source = Objects.requireNonNull(source);
        this.privateKeyWrapped =
                Objects.requireNonNull(privateKeyWrapped, "The key is stored, wrapped.").clone();
        this.keyAlgorithm = Objects.requireNonNull(keyAlgorithm);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    /** The associated data binding a wrapped key to its certificate (issuer and serial). */
    public static String keyPurpose(String issuerDn, String serial) {
        return "organisation-key|" + issuerDn + "|" + serial;
    }

    public String keyPurpose() {
        return keyPurpose(issuerDn, serial);
    }

    /** Takes the certificate out of force (superseded or revoked); once. */
    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = Objects.requireNonNull(at);
        }
    }

    public boolean inForceAt(Instant at) {
        return revokedAt == null && !at.isBefore(notBefore) && at.isBefore(notAfter);
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public String getSerial() {
        return serial;
    }

    public String getSubjectDn() {
        return subjectDn;
    }

    public String getIssuerDn() {
        return issuerDn;
    }

    public byte[] getCertificateDer() {
        return certificateDer.clone();
    }

    public byte[] getIssuerChainDer() {
        return issuerChainDer == null ? null : issuerChainDer.clone();
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public Instant getNotAfter() {
        return notAfter;
    }

    public CertificateSource getSource() {
        return source;
    }

    public byte[] getPrivateKeyWrapped() {
        return privateKeyWrapped.clone();
    }

    public String getKeyAlgorithm() {
        return keyAlgorithm;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}

package io.sunshine.directory.entity;

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
import java.time.Instant;
import java.util.Objects;

/**
 * A qualification document a supplier uploaded (营业执照, 资质证书): a checked PDF, kept under a random
 * storage name with its SHA-256, its original file name only as a label. Immutable: a corrected
 * document is a new upload.
 */
@Entity
@Table(name = "qualification_document")
public class QualificationDocument {
    @Id
    @SequenceGenerator(
            name = "qualification_document_seq",
            sequenceName = "qualification_document_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "qualification_document_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private DocumentKind kind;

    @Column(name = "original_name", nullable = false, length = 120)
    private String originalName;

    @Column(name = "storage_name", nullable = false, unique = true, length = 43)
    private String storageName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false, length = 40)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected QualificationDocument() {}

    public QualificationDocument(
            Organisation organisation,
            DocumentKind kind,
            String originalName,
            String storageName,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {
        this.organisation = Objects.requireNonNull(organisation, "A document needs its owner.");
        this.kind = Objects.requireNonNull(kind, "A document needs its kind.");
        this.originalName = Objects.requireNonNull(originalName, "A document needs its name.");
        this.storageName = Objects.requireNonNull(storageName, "A document needs its storage.");
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("A document is never empty.");
        }
        this.sizeBytes = sizeBytes;
        this.sha256 = Objects.requireNonNull(sha256, "A document needs its hash.");
        this.uploadedBy = Objects.requireNonNull(uploadedBy, "A document needs its uploader.");
        this.uploadedAt = Objects.requireNonNull(uploadedAt, "A document needs its time.");
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getStorageName() {
        return storageName;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}

package io.sunshine.procurement.project.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One download of a procurement document: who, for which organisation, when. */
@Entity
@Table(name = "document_download")
public class DocumentDownload {
    @Id
    @SequenceGenerator(
            name = "document_download_seq",
            sequenceName = "document_download_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_download_seq")
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "username", nullable = false, length = 60)
    private String username;

    @Column(name = "downloaded_at", nullable = false)
    private Instant downloadedAt;

    protected DocumentDownload() {}

    public DocumentDownload(
            long documentId, long organisationId, String username, Instant downloadedAt) {
        this.documentId = documentId;
        this.organisationId = organisationId;
        this.username = username;
        this.downloadedAt = downloadedAt;
    }

    public Long getId() {
        return id;
    }

    public long getDocumentId() {
        return documentId;
    }

    public long getOrganisationId() {
        return organisationId;
    }

    public String getUsername() {
        return username;
    }

    public Instant getDownloadedAt() {
        return downloadedAt;
    }
}

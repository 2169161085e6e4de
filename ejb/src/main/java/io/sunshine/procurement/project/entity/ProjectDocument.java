package io.sunshine.procurement.project.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A procurement document (采购文件, PDF) of a project, stored under a random name with its SHA-256 so
 * that every supplier can check it received the same file.
 */
@Entity
@Table(name = "project_document")
public class ProjectDocument {
    @Id
    @SequenceGenerator(
            name = "project_document_seq",
            sequenceName = "project_document_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_document_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false)
    private Project project;

    @Column(name = "file_name", nullable = false, length = 200)
    private String fileName;

    @Column(name = "storage_name", nullable = false, length = 80)
    private String storageName;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, length = 60)
    private String uploadedBy;

    protected ProjectDocument() {}

    public ProjectDocument(
            Project project,
            String fileName,
            String storageName,
            String sha256,
            long sizeBytes,
            Instant uploadedAt,
            String uploadedBy) {
        this.project = project;
        this.fileName = fileName;
        this.storageName = storageName;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    public Long getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    public String getFileName() {
        return fileName;
    }

    public String getStorageName() {
        return storageName;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }
}

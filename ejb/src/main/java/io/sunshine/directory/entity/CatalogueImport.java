package io.sunshine.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One CSV import of the catalogue and how far it got: QUEUED → VALIDATING → WRITING → DONE, or
 * REFUSED (the file has faults; nothing was written) or FAILED (the platform could not finish; the
 * chunks already written stay, and importing the same file again completes it).
 */
@Entity
@Table(name = "catalogue_import")
public class CatalogueImport {
    public enum Status {
        QUEUED,
        VALIDATING,
        WRITING,
        DONE,
        REFUSED,
        FAILED;

        public boolean finished() {
            return this == DONE || this == REFUSED || this == FAILED;
        }
    }

    /**
     * MERGE: the file's items are added or updated, every other item stays as it is. REPLACE: the
     * file is the whole catalogue; items not in it become inactive (never deleted).
     */
    public enum Mode {
        MERGE,
        REPLACE
    }

    @Id
    @SequenceGenerator(
            name = "catalogue_import_seq",
            sequenceName = "catalogue_import_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "catalogue_import_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "import_mode", nullable = false, length = 10)
    private Mode mode;

    @Column(name = "file_bytes", nullable = false)
    private long fileBytes;

    @Column(name = "total_rows", nullable = false)
    private int totalRows;

    @Column(name = "processed_rows", nullable = false)
    private int processedRows;

    @Column(name = "created_rows", nullable = false)
    private int createdRows;

    @Column(name = "updated_rows", nullable = false)
    private int updatedRows;

    @Column(name = "deactivated_rows", nullable = false)
    private int deactivatedRows;

    @Column(name = "error_count", nullable = false)
    private int errorCount;

    @Column(name = "requested_by", nullable = false, length = 60)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "failure", length = 300)
    private String failure;

    @Version private long version;

    protected CatalogueImport() {}

    public CatalogueImport(Mode mode, long fileBytes, String requestedBy, Instant at) {
        this.mode = Objects.requireNonNull(mode, "An import needs its mode.");
        this.fileBytes = fileBytes;
        this.requestedBy = Objects.requireNonNull(requestedBy, "An import needs its requester.");
        this.requestedAt = Objects.requireNonNull(at, "An import needs its time.");
        this.status = Status.QUEUED;
    }

    public void startValidating(Instant at) {
        requireStatus(Status.QUEUED);
        status = Status.VALIDATING;
        startedAt = at;
    }

    public void startWriting(int rows) {
        requireStatus(Status.VALIDATING);
        status = Status.WRITING;
        totalRows = rows;
    }

    public void refuse(int rows, int errors, Instant at) {
        requireStatus(Status.VALIDATING);
        status = Status.REFUSED;
        totalRows = rows;
        errorCount = errors;
        finishedAt = at;
    }

    public void wrote(int rows, int created, int updated) {
        requireStatus(Status.WRITING);
        processedRows += rows;
        createdRows += created;
        updatedRows += updated;
    }

    public void done(int deactivated, Instant at) {
        requireStatus(Status.WRITING);
        status = Status.DONE;
        deactivatedRows = deactivated;
        finishedAt = at;
    }

    public void fail(String why, Instant at) {
        if (status.finished()) {
            return;
        }
        status = Status.FAILED;
        failure = why == null ? null : why.length() > 300 ? why.substring(0, 299) + "…" : why;
        finishedAt = at;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new IllegalStateException("Import " + id + " is " + status + ", not " + expected);
        }
    }

    public Long getId() {
        return id;
    }

    public Status getStatus() {
        return status;
    }

    public Mode getMode() {
        return mode;
    }

    public long getFileBytes() {
        return fileBytes;
    }

    public int getTotalRows() {
        return totalRows;
    }

    public int getProcessedRows() {
        return processedRows;
    }

    public int getCreatedRows() {
        return createdRows;
    }

    public int getUpdatedRows() {
        return updatedRows;
    }

    public int getDeactivatedRows() {
        return deactivatedRows;
    }

    public int getErrorCount() {
        return errorCount;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getFailure() {
        return failure;
    }
}

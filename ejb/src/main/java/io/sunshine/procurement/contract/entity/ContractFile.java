package io.sunshine.procurement.contract.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * One PDF a contract version went through (the draft as rendered, then the file after each
 * signature), kept in the document store under a random name with its SHA-256.
 */
@Embeddable
public class ContractFile {
    /** The kinds, in the order a version goes through them. */
    public static final String DRAFT = "DRAFT";

    public static final String SIGNED_PURCHASER = "SIGNED_PURCHASER";
    public static final String SIGNED_SUPPLIER = "SIGNED_SUPPLIER";

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "kind", nullable = false, length = 20)
    private String kind;

    @Column(name = "storage_name", nullable = false, length = 43)
    private String storageName;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 60)
    private String createdBy;

    protected ContractFile() {}

    public ContractFile(
            int seq,
            String kind,
            String storageName,
            String sha256,
            long size,
            Instant createdAt,
            String createdBy) {
        this.seq = seq;
        this.kind = Objects.requireNonNull(kind);
        this.storageName = Objects.requireNonNull(storageName);
        this.sha256 = Objects.requireNonNull(sha256);
        this.size = size;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    public int getSeq() {
        return seq;
    }

    public String getKind() {
        return kind;
    }

    public String getStorageName() {
        return storageName;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSize() {
        return size;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}

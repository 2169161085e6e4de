package io.sunshine.supervision.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the audit chain: the last sequence number and hash written. A single row, locked
 * (SELECT … FOR UPDATE) by every append, so that appends from any number of threads and instances
 * form one unbroken chain in commit order.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {
    public static final long ID = 1L;

    @Id
    @Column(name = "id")
    private long id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditChainHead() {}

    public void advance(long seq, String hash) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("The audit chain advances one row at a time.");
        }
        this.lastSeq = seq;
        this.lastHash = hash;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }
}

package io.sunshine.supervision.entity;

import io.sunshine.supervision.control.AuditChain;
import io.sunshine.supervision.control.AuditRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row of the audit trail. Append-only: it has no setters, and on PostgreSQL a trigger refuses
 * any UPDATE, DELETE or TRUNCATE of the table. Its {@code hash} chains it to the row before.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 60)
    private String actor;

    @Column(name = "actor_roles", length = 120)
    private String actorRoles;

    @Column(name = "organisation", length = 200)
    private String organisation;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "action", nullable = false, length = 60)
    private String action;

    @Column(name = "object_type", length = 60)
    private String objectType;

    @Column(name = "object_id", length = 200)
    private String objectId;

    @Column(name = "before_state", length = 2000)
    private String beforeState;

    @Column(name = "after_state", length = 2000)
    private String afterState;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {}

    public AuditEntry(long seq, AuditRecord r, String previousHash) {
        this.seq = seq;
        this.occurredAt = AuditChain.normalise(r.occurredAt());
        this.actor = r.actor();
        this.actorRoles = r.actorRoles();
        this.organisation = r.organisation();
        this.clientAddress = r.clientAddress();
        this.action = r.action();
        this.objectType = r.objectType();
        this.objectId = r.objectId();
        this.beforeState = r.before();
        this.afterState = r.after();
        this.previousHash = previousHash;
        this.hash = AuditChain.hash(previousHash, seq, record());
    }

    /** The row's content as the chain rule sees it. */
    public AuditRecord record() {
        return new AuditRecord(
                occurredAt,
                actor,
                actorRoles,
                organisation,
                clientAddress,
                action,
                objectType,
                objectId,
                beforeState,
                afterState);
    }

    public long getSeq() {
        return seq;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRoles() {
        return actorRoles;
    }

    public String getOrganisation() {
        return organisation;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getBeforeState() {
        return beforeState;
    }

    public String getAfterState() {
        return afterState;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }
}

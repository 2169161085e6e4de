package io.sunshine.budget.entity;

import io.sunshine.budget.control.Balance;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One movement on a budget line, with the line's balances after it. Immutable: no setters, and on
 * PostgreSQL a trigger refuses UPDATE and DELETE.
 */
@Entity
@Table(name = "budget_entry")
public class BudgetEntry {
    @Id
    @SequenceGenerator(
            name = "budget_entry_seq",
            sequenceName = "budget_entry_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_entry_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "line_id", nullable = false, updatable = false)
    private BudgetLine line;

    @Column(name = "entry_no", nullable = false, updatable = false)
    private int entryNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20, updatable = false)
    private EntryKind kind;

    @Column(name = "amount", nullable = false, precision = 18, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(name = "approved_after", nullable = false, precision = 18, scale = 2, updatable = false)
    private BigDecimal approvedAfter;

    @Column(name = "frozen_after", nullable = false, precision = 18, scale = 2, updatable = false)
    private BigDecimal frozenAfter;

    @Column(name = "spent_after", nullable = false, precision = 18, scale = 2, updatable = false)
    private BigDecimal spentAfter;

    @Column(name = "reference_type", length = 40, updatable = false)
    private String referenceType;

    @Column(name = "reference_id", length = 60, updatable = false)
    private String referenceId;

    @Column(name = "note", length = 500, updatable = false)
    private String note;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 60, updatable = false)
    private String recordedBy;

    protected BudgetEntry() {}

    public BudgetEntry(
            BudgetLine line,
            int entryNo,
            EntryKind kind,
            BigDecimal amount,
            Balance after,
            String referenceType,
            String referenceId,
            String note,
            Instant recordedAt,
            String recordedBy) {
        this.line = Objects.requireNonNull(line);
        this.entryNo = entryNo;
        this.kind = Objects.requireNonNull(kind);
        this.amount = Objects.requireNonNull(amount);
        this.approvedAfter = after.approved();
        this.frozenAfter = after.frozen();
        this.spentAfter = after.spent();
        this.referenceType = referenceType;
        this.referenceId = referenceId;
        this.note = note;
        this.recordedAt = Objects.requireNonNull(recordedAt);
        this.recordedBy = Objects.requireNonNull(recordedBy);
    }

    public Balance balanceAfter() {
        return new Balance(approvedAfter, frozenAfter, spentAfter);
    }

    public Long getId() {
        return id;
    }

    public BudgetLine getLine() {
        return line;
    }

    public int getEntryNo() {
        return entryNo;
    }

    public EntryKind getKind() {
        return kind;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getReferenceType() {
        return referenceType;
    }

    public String getReferenceId() {
        return referenceId;
    }

    public String getNote() {
        return note;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}

package io.sunshine.procurement.requirement.entity;

import io.sunshine.budget.entity.BudgetLine;
import io.sunshine.directory.entity.Organisation;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A purchasing unit's requirement (采购需求): what it wants to buy, against which budget line, how, and
 * from when. Submitted, it becomes a procurement plan for FINANCE to approve.
 */
@Entity
@Table(name = "requirement")
public class Requirement {
    @Id
    @SequenceGenerator(
            name = "requirement_seq",
            sequenceName = "requirement_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "requirement_seq")
    private Long id;

    @Column(name = "reference", nullable = false, length = 30)
    private String reference;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "summary", length = 2000)
    private String summary;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id", nullable = false)
    private Organisation unit;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "budget_line_id", nullable = false)
    private BudgetLine budgetLine;

    @Column(name = "category", nullable = false, length = 1)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, length = 30)
    private ProcurementMethod method;

    @Column(name = "method_reason", length = 500)
    private String methodReason;

    @Column(name = "centralised", nullable = false)
    private boolean centralised;

    @Column(name = "total", nullable = false, precision = 18, scale = 2)
    private BigDecimal total;

    @Column(name = "frozen_amount", nullable = false, precision = 18, scale = 2)
    private BigDecimal frozenAmount = BigDecimal.ZERO.setScale(2);

    @Column(name = "planned_start", nullable = false)
    private LocalDate plannedStart;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private RequirementState state = RequirementState.DRAFT;

    /** FINANCE's reason for a return, or its note on approval. */
    @Column(name = "decision_note", length = 500)
    private String decisionNote;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 60)
    private String createdBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 60)
    private String decidedBy;

    @OneToMany(mappedBy = "requirement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<RequirementItem> items = new ArrayList<>();

    @Version private long version;

    protected Requirement() {}

    public Requirement(Organisation unit, Instant createdAt, String createdBy) {
        this.unit = Objects.requireNonNull(unit);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.reference = "pending";
    }

    /** Sets the platform's reference (XQ-2026-000050) once the id is known. */
    public void assignReference(int year) {
        reference = String.format("XQ-%d-%06d", year, id);
    }

    /** Replaces what the unit states; only while the requirement is editable. */
    public void describe(
            String title,
            String summary,
            BudgetLine budgetLine,
            String category,
            ProcurementMethod method,
            String methodReason,
            boolean centralised,
            BigDecimal total,
            LocalDate plannedStart) {
        requireEditable();
        this.title = title;
        this.summary = summary;
        this.budgetLine = budgetLine;
        this.category = category;
        this.method = method;
        this.methodReason = methodReason;
        this.centralised = centralised;
        this.total = total;
        this.plannedStart = plannedStart;
    }

    private void requireEditable() {
        if (!state.editable()) {
            throw new IllegalStateException("A " + state + " requirement cannot be changed.");
        }
    }

    public void submitted(Instant at) {
        requireEditable();
        state = RequirementState.SUBMITTED;
        submittedAt = at;
        frozenAmount = total;
        decisionNote = null;
    }

    public void approved(Instant at, String by, String note) {
        requireState(RequirementState.SUBMITTED);
        state = RequirementState.APPROVED;
        decidedAt = at;
        decidedBy = by;
        decisionNote = note;
    }

    public void returned(Instant at, String by, String reason) {
        requireState(RequirementState.SUBMITTED);
        state = RequirementState.RETURNED;
        decidedAt = at;
        decidedBy = by;
        decisionNote = reason;
        frozenAmount = BigDecimal.ZERO.setScale(2);
    }

    public void cancelled() {
        if (state == RequirementState.APPROVED || state == RequirementState.CANCELLED) {
            throw new IllegalStateException("A " + state + " requirement cannot be cancelled.");
        }
        state = RequirementState.CANCELLED;
        frozenAmount = BigDecimal.ZERO.setScale(2);
    }

    /** Moves the planned start of an approved plan whose intention is not yet published. */
    public void reschedule(LocalDate plannedStart) {
        this.plannedStart = Objects.requireNonNull(plannedStart);
    }

    private void requireState(RequirementState expected) {
        if (state != expected) {
            throw new IllegalStateException("Expected " + expected + ", is " + state);
        }
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public Organisation getUnit() {
        return unit;
    }

    public BudgetLine getBudgetLine() {
        return budgetLine;
    }

    public String getCategory() {
        return category;
    }

    public ProcurementMethod getMethod() {
        return method;
    }

    public String getMethodReason() {
        return methodReason;
    }

    public boolean isCentralised() {
        return centralised;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getFrozenAmount() {
        return frozenAmount;
    }

    public LocalDate getPlannedStart() {
        return plannedStart;
    }

    public RequirementState getState() {
        return state;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public List<RequirementItem> getItems() {
        return items;
    }
}

package io.sunshine.procurement.project.entity;

import io.sunshine.directory.entity.Organisation;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A supplier's enrolment (报名, 获取采购文件登记) in one lot of a published project: which organisation,
 * which of its users, when. One row per (project, lot, supplier) — the database's unique constraint
 * — so a withdrawal keeps the row and enrolling again re-opens it.
 */
@Entity
@Table(name = "enrolment")
public class Enrolment {
    @Id
    @SequenceGenerator(name = "enrolment_seq", sequenceName = "enrolment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrolment_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false)
    private Project project;

    @Column(name = "lot_no", nullable = false)
    private int lotNo;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation supplier;

    @Column(name = "username", nullable = false, length = 60)
    private String username;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by", length = 60)
    private String withdrawnBy;

    @Version private long version;

    protected Enrolment() {}

    public Enrolment(
            Project project, int lotNo, Organisation supplier, String username, Instant at) {
        this.project = Objects.requireNonNull(project);
        this.lotNo = lotNo;
        this.supplier = Objects.requireNonNull(supplier);
        this.username = Objects.requireNonNull(username);
        this.enrolledAt = Objects.requireNonNull(at);
    }

    public boolean isActive() {
        return withdrawnAt == null;
    }

    public void withdraw(String by, Instant at) {
        if (!isActive()) {
            throw new IllegalStateException("Enrolment " + id + " is already withdrawn.");
        }
        this.withdrawnBy = Objects.requireNonNull(by);
        this.withdrawnAt = Objects.requireNonNull(at);
    }

    /** Enrols again after a withdrawal: a new user and time, the withdrawal cleared. */
    public void reenrol(String username, Instant at) {
        if (isActive()) {
            throw new IllegalStateException("Enrolment " + id + " is active.");
        }
        this.username = Objects.requireNonNull(username);
        this.enrolledAt = Objects.requireNonNull(at);
        this.withdrawnAt = null;
        this.withdrawnBy = null;
    }

    public Long getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    public int getLotNo() {
        return lotNo;
    }

    public Organisation getSupplier() {
        return supplier;
    }

    public String getUsername() {
        return username;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawnBy() {
        return withdrawnBy;
    }
}

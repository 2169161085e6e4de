package io.sunshine.procurement.requirement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The procurement intention notice (采购意向) an approved plan prepares: project name, requirement
 * summary, budget and expected time (财库〔2020〕10号). Public once published.
 */
@Entity
@Table(name = "procurement_intention")
public class ProcurementIntention {
    public static final String PREPARED = "PREPARED";
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    @SequenceGenerator(
            name = "procurement_intention_seq",
            sequenceName = "procurement_intention_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "procurement_intention_seq")
    private Long id;

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "requirement_id", nullable = false)
    private Requirement requirement;

    @Column(name = "unit_name", nullable = false, length = 200)
    private String unitName;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "summary", nullable = false, length = 2000)
    private String summary;

    @Column(name = "budget", nullable = false, precision = 18, scale = 2)
    private BigDecimal budget;

    /** YYYY-MM: the month the procurement is expected to start. */
    @Column(name = "expected_month", nullable = false, length = 7)
    private String expectedMonth;

    @Column(name = "planned_start", nullable = false)
    private LocalDate plannedStart;

    @Column(name = "state", nullable = false, length = 20)
    private String state = PREPARED;

    @Column(name = "prepared_at", nullable = false)
    private Instant preparedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by", length = 60)
    private String publishedBy;

    @Version private long version;

    protected ProcurementIntention() {}

    public ProcurementIntention(
            Requirement requirement,
            String unitName,
            String title,
            String summary,
            BigDecimal budget,
            LocalDate plannedStart,
            Instant preparedAt) {
        this.requirement = Objects.requireNonNull(requirement);
        this.unitName = unitName;
        this.title = title;
        this.summary = summary;
        this.budget = budget;
        reschedule(plannedStart);
        this.preparedAt = preparedAt;
    }

    public final void reschedule(LocalDate start) {
        this.plannedStart = Objects.requireNonNull(start);
        this.expectedMonth = String.format("%04d-%02d", start.getYear(), start.getMonthValue());
    }

    public void published(Instant at, String by) {
        state = PUBLISHED;
        publishedAt = at;
        publishedBy = by;
    }

    public boolean isPublished() {
        return PUBLISHED.equals(state);
    }

    public Long getId() {
        return id;
    }

    public Requirement getRequirement() {
        return requirement;
    }

    public String getUnitName() {
        return unitName;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public String getExpectedMonth() {
        return expectedMonth;
    }

    public LocalDate getPlannedStart() {
        return plannedStart;
    }

    public String getState() {
        return state;
    }

    public Instant getPreparedAt() {
        return preparedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }
}

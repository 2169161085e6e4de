package io.sunshine.budget.entity;

import io.sunshine.directory.entity.Organisation;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A budget line (预算指标) of one purchasing unit for one fiscal year. It holds no amounts: its
 * balances are those of its last ledger entry, whose number it keeps.
 */
@Entity
@Table(name = "budget_line")
public class BudgetLine {
    @Id
    @SequenceGenerator(
            name = "budget_line_seq",
            sequenceName = "budget_line_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_line_seq")
    private Long id;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "code", nullable = false, length = 40)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id", nullable = false)
    private Organisation unit;

    @Column(name = "functional_code", nullable = false, length = 7)
    private String functionalCode;

    @Column(name = "economic_code", nullable = false, length = 5)
    private String economicCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source", nullable = false, length = 30)
    private FundingSource fundingSource;

    /** Number of ledger entries; the last one carries the balances. */
    @Column(name = "entry_count", nullable = false)
    private int entryCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 60)
    private String createdBy;

    @Version private long version;

    protected BudgetLine() {}

    public BudgetLine(
            int fiscalYear,
            String code,
            String name,
            Organisation unit,
            String functionalCode,
            String economicCode,
            FundingSource fundingSource,
            Instant createdAt,
            String createdBy) {
        this.fiscalYear = fiscalYear;
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.unit = Objects.requireNonNull(unit);
        this.functionalCode = Objects.requireNonNull(functionalCode);
        this.economicCode = Objects.requireNonNull(economicCode);
        this.fundingSource = Objects.requireNonNull(fundingSource);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    /** The number the next entry gets; counts it. Call only while holding the line's lock. */
    public int nextEntryNo() {
        return ++entryCount;
    }

    public Long getId() {
        return id;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Organisation getUnit() {
        return unit;
    }

    public String getFunctionalCode() {
        return functionalCode;
    }

    public String getEconomicCode() {
        return economicCode;
    }

    public FundingSource getFundingSource() {
        return fundingSource;
    }

    public int getEntryCount() {
        return entryCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}

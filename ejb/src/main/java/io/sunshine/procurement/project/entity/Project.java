package io.sunshine.procurement.project.entity;

import io.sunshine.directory.entity.Organisation;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.procurement.requirement.entity.Requirement;
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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A procurement project (采购项目): one or more approved requirements of one purchasing unit, bought by
 * one method in one or more lots. Opened by an agency, or by the unit itself for decentralised
 * procurement; its procurement notice makes it public.
 */
@Entity
@Table(name = "procurement_project")
public class Project {
    @Id
    @SequenceGenerator(
            name = "procurement_project_seq",
            sequenceName = "procurement_project_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "procurement_project_seq")
    private Long id;

    @Column(name = "reference", nullable = false, length = 30)
    private String reference;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "description", length = 4000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, length = 30)
    private ProcurementMethod method;

    @Column(name = "method_reason", length = 500)
    private String methodReason;

    @Column(name = "category", nullable = false, length = 1)
    private String category;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "buyer_id", nullable = false)
    private Organisation buyer;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id", nullable = false)
    private Organisation agency;

    @Column(name = "qualification", length = 2000)
    private String qualification;

    @Column(name = "bid_deadline")
    private Instant bidDeadline;

    @Column(name = "auction_start")
    private Instant auctionStart;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private ProjectState state = ProjectState.DRAFT;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 60)
    private String createdBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by", length = 60)
    private String publishedBy;

    @Column(name = "terminated_at")
    private Instant terminatedAt;

    @Version private long version;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "project_requirement",
            joinColumns = @JoinColumn(name = "project_id"),
            inverseJoinColumns = @JoinColumn(name = "requirement_id"))
    @OrderBy("id")
    private List<Requirement> requirements = new ArrayList<>();

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lotNo")
    private List<ProjectLot> lots = new ArrayList<>();

    protected Project() {}

    public Project(Organisation buyer, Organisation agency, Instant createdAt, String createdBy) {
        this.buyer = Objects.requireNonNull(buyer);
        this.agency = Objects.requireNonNull(agency);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    /** The project number (项目编号): the year and the id, e.g. SZCG-2026-000150. */
    public void assignReference(int year) {
        this.reference = String.format("SZCG-%d-%06d", year, id);
    }

    public void describe(
            String title,
            String description,
            ProcurementMethod method,
            String methodReason,
            String category,
            String qualification,
            Instant bidDeadline,
            Instant auctionStart) {
        requireDraft();
        this.title = title;
        this.description = description;
        this.method = method;
        this.methodReason = methodReason;
        this.category = category;
        this.qualification = qualification;
        this.bidDeadline = bidDeadline;
        this.auctionStart = auctionStart;
    }

    public void carry(List<Requirement> requirements) {
        requireDraft();
        this.requirements.clear();
        this.requirements.addAll(requirements);
    }

    public void replaceLots(List<ProjectLot> lots) {
        requireDraft();
        this.lots.clear();
        this.lots.addAll(lots);
    }

    public void published(Instant at, String by) {
        requireDraft();
        this.state = ProjectState.PUBLISHED;
        this.publishedAt = at;
        this.publishedBy = by;
    }

    /** A correction that moves the deadline (and with it, for an auction, the start). */
    public void moveDeadline(Instant bidDeadline, Instant auctionStart) {
        this.bidDeadline = bidDeadline;
        this.auctionStart = auctionStart;
    }

    public void terminated(Instant at) {
        this.state = ProjectState.TERMINATED;
        this.terminatedAt = at;
    }

    private void requireDraft() {
        if (state != ProjectState.DRAFT) {
            throw new IllegalStateException("Project " + reference + " is " + state);
        }
    }

    public BigDecimal budget() {
        return lots.stream().map(ProjectLot::getBudget).reduce(BigDecimal.ZERO, BigDecimal::add);
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

    public String getDescription() {
        return description;
    }

    public ProcurementMethod getMethod() {
        return method;
    }

    public String getMethodReason() {
        return methodReason;
    }

    public String getCategory() {
        return category;
    }

    public Organisation getBuyer() {
        return buyer;
    }

    public Organisation getAgency() {
        return agency;
    }

    public String getQualification() {
        return qualification;
    }

    public Instant getBidDeadline() {
        return bidDeadline;
    }

    public Instant getAuctionStart() {
        return auctionStart;
    }

    public ProjectState getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public Instant getTerminatedAt() {
        return terminatedAt;
    }

    public List<Requirement> getRequirements() {
        return requirements;
    }

    public List<ProjectLot> getLots() {
        return lots;
    }

    public ProjectLot lot(int lotNo) {
        return lots.stream().filter(l -> l.getLotNo() == lotNo).findFirst().orElse(null);
    }
}

package io.sunshine.procurement.award.entity;

import io.sunshine.directory.entity.Organisation;
import io.sunshine.procurement.award.control.AwardSource;
import io.sunshine.procurement.award.control.AwardState;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.entity.Project;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
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
 * The award (成交) of one lot: the supplier the procedure determined, the amount, the ceiling and the
 * saving, and the ranking at the result. Prepared when the result is decided (an auction's close),
 * published once as the award notice (成交结果公告) by the project's agency; the contract stage drafts
 * the contract from a published award.
 */
@Entity
@Table(name = "award")
public class Award {
    @Id
    @SequenceGenerator(name = "award_seq", sequenceName = "award_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "award_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false)
    private Project project;

    @Column(name = "lot_no", nullable = false)
    private int lotNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 10)
    private AwardSource source;

    @Column(name = "auction_id")
    private Long auctionId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "supplier_id", nullable = false)
    private Organisation supplier;

    @Column(name = "amount", nullable = false, precision = 18, scale = 2)
    private BigDecimal amount;

    @Column(name = "ceiling", nullable = false, precision = 18, scale = 2)
    private BigDecimal ceiling;

    @Column(name = "saving", nullable = false, precision = 18, scale = 2)
    private BigDecimal saving;

    @Column(name = "qualified_count", nullable = false)
    private int qualifiedCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private AwardState state = AwardState.PREPARED;

    @Column(name = "prepared_at", nullable = false)
    private Instant preparedAt;

    @Column(name = "publication_due")
    private Instant publicationDue;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by", length = 60)
    private String publishedBy;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id")
    private PublishedNotice notice;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "award_ranking", joinColumns = @JoinColumn(name = "award_id"))
    @OrderBy("rank")
    private List<AwardRung> ranking = new ArrayList<>();

    @Version private long version;

    protected Award() {}

    /**
     * An auction's award, prepared at its close.
     *
     * @param publicationDue when the award notice becomes late, or {@code null} when the calendar
     *     cannot tell yet
     */
    public static Award ofAuction(
            Project project,
            int lotNo,
            long auctionId,
            Organisation supplier,
            BigDecimal amount,
            BigDecimal ceiling,
            int qualifiedCount,
            List<AwardRung> ranking,
            Instant preparedAt,
            Instant publicationDue) {
        Award a = new Award();
        a.project = Objects.requireNonNull(project, "An award is of a project.");
        a.lotNo = lotNo;
        a.source = AwardSource.AUCTION;
        a.auctionId = auctionId;
        a.supplier = Objects.requireNonNull(supplier, "An award names its supplier.");
        a.amount = Objects.requireNonNull(amount, "An award has its amount.");
        a.ceiling = Objects.requireNonNull(ceiling, "An award has its ceiling.");
        if (amount.signum() <= 0 || amount.compareTo(ceiling) > 0) {
            throw new IllegalArgumentException(
                    "The awarded amount must be positive and within the ceiling.");
        }
        if (ranking.isEmpty() || ranking.get(0).getSupplierId() != supplier.getId()) {
            throw new IllegalArgumentException("The supplier must be first in the ranking.");
        }
        a.saving = ceiling.subtract(amount);
        a.qualifiedCount = qualifiedCount;
        a.ranking = new ArrayList<>(ranking);
        a.preparedAt = Objects.requireNonNull(preparedAt, "An award has its time.");
        a.publicationDue = publicationDue;
        return a;
    }

    /** The award notice is published: once. */
    public void published(PublishedNotice notice, Instant at, String by) {
        if (state != AwardState.PREPARED) {
            throw new IllegalStateException("Award " + id + " is already " + state);
        }
        this.notice = Objects.requireNonNull(notice, "The award notice is required.");
        this.publishedAt = Objects.requireNonNull(at, "The publication time is required.");
        this.publishedBy = Objects.requireNonNull(by, "The publisher is required.");
        this.state = AwardState.PUBLISHED;
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

    public AwardSource getSource() {
        return source;
    }

    public Long getAuctionId() {
        return auctionId;
    }

    public Organisation getSupplier() {
        return supplier;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getCeiling() {
        return ceiling;
    }

    public BigDecimal getSaving() {
        return saving;
    }

    public int getQualifiedCount() {
        return qualifiedCount;
    }

    public AwardState getState() {
        return state;
    }

    public Instant getPreparedAt() {
        return preparedAt;
    }

    public Instant getPublicationDue() {
        return publicationDue;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public PublishedNotice getNotice() {
        return notice;
    }

    public List<AwardRung> getRanking() {
        return List.copyOf(ranking);
    }
}

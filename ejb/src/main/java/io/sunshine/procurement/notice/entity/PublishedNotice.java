package io.sunshine.procurement.notice.entity;

import io.sunshine.procurement.requirement.entity.ProcurementMethod;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A published notice (公告). Written once and never changed (PostgreSQL refuses UPDATE and DELETE on
 * the table): a correction or a termination is a new notice that refers to its project. It keeps
 * what the public saw at publication — title, rendered body, deadlines — together with the fields
 * the portal filters on.
 */
@Entity
@Table(name = "notice")
public class PublishedNotice {
    @Id
    @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
    private Long id;

    @Column(name = "notice_no", nullable = false, length = 30)
    private String noticeNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "notice_type", nullable = false, length = 20)
    private NoticeType type;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "requirement_id")
    private Long requirementId;

    @Column(name = "corrects_id")
    private Long correctsId;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "body", nullable = false, length = 20000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", length = 30)
    private ProcurementMethod method;

    @Column(name = "category", nullable = false, length = 1)
    private String category;

    @Column(name = "buyer_id", nullable = false)
    private long buyerId;

    @Column(name = "buyer_name", nullable = false, length = 200)
    private String buyerName;

    @Column(name = "agency_name", length = 200)
    private String agencyName;

    @Column(name = "budget", precision = 18, scale = 2)
    private BigDecimal budget;

    @Column(name = "deadline")
    private Instant deadline;

    @Column(name = "opening_time")
    private Instant openingTime;

    @Column(name = "auction_start")
    private Instant auctionStart;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by", nullable = false, length = 60)
    private String publishedBy;

    @Column(name = "search_terms", nullable = false, length = 60000)
    private String searchTerms;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "notice_catalogue", joinColumns = @JoinColumn(name = "notice_id"))
    @Column(name = "catalogue_code", length = 30)
    private Set<String> catalogueCodes = new LinkedHashSet<>();

    protected PublishedNotice() {}

    /**
     * What every notice says; deadlines and links are set with the other methods before persist.
     */
    public PublishedNotice(
            NoticeType type,
            String title,
            String body,
            ProcurementMethod method,
            String category,
            long buyerId,
            String buyerName,
            String agencyName,
            BigDecimal budget,
            Instant publishedAt,
            String publishedBy,
            String searchTerms) {
        this.type = type;
        this.title = title;
        this.body = body;
        this.method = method;
        this.category = category;
        this.buyerId = buyerId;
        this.buyerName = buyerName;
        this.agencyName = agencyName;
        this.budget = budget;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.searchTerms = searchTerms;
    }

    /** The notice number (公告编号): year and id, e.g. GG-2026-000150; set once the id is known. */
    public void assignNumber(int year) {
        this.noticeNo = String.format("GG-%d-%06d", year, id);
    }

    public void about(Long projectId, Long requirementId, Long correctsId) {
        this.projectId = projectId;
        this.requirementId = requirementId;
        this.correctsId = correctsId;
    }

    public void deadlines(Instant deadline, Instant openingTime, Instant auctionStart) {
        this.deadline = deadline;
        this.openingTime = openingTime;
        this.auctionStart = auctionStart;
    }

    public void classify(Set<String> catalogueCodes) {
        this.catalogueCodes.clear();
        this.catalogueCodes.addAll(catalogueCodes);
    }

    public Long getId() {
        return id;
    }

    public String getNoticeNo() {
        return noticeNo;
    }

    public NoticeType getType() {
        return type;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Long getRequirementId() {
        return requirementId;
    }

    public Long getCorrectsId() {
        return correctsId;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public ProcurementMethod getMethod() {
        return method;
    }

    public String getCategory() {
        return category;
    }

    public long getBuyerId() {
        return buyerId;
    }

    public String getBuyerName() {
        return buyerName;
    }

    public String getAgencyName() {
        return agencyName;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getOpeningTime() {
        return openingTime;
    }

    public Instant getAuctionStart() {
        return auctionStart;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public String getSearchTerms() {
        return searchTerms;
    }

    public Set<String> getCatalogueCodes() {
        return catalogueCodes;
    }
}

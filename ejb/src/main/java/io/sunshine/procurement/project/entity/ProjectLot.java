package io.sunshine.procurement.project.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A lot (标包) of a project: its items, its budget (the sum of its items' estimated amounts, never
 * typed in), its bid security and whether it is reserved to small and medium enterprises.
 */
@Entity
@Table(name = "project_lot")
public class ProjectLot {
    @Id
    @SequenceGenerator(
            name = "project_lot_seq",
            sequenceName = "project_lot_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_lot_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false)
    private Project project;

    @Column(name = "lot_no", nullable = false)
    private int lotNo;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "budget", nullable = false, precision = 18, scale = 2)
    private BigDecimal budget;

    @Column(name = "bid_security", precision = 18, scale = 2)
    private BigDecimal bidSecurity;

    @Column(name = "sme_only", nullable = false)
    private boolean smeOnly;

    @Column(name = "qualification", length = 1000)
    private String qualification;

    /**
     * A reverse auction's rules as the agency set them (JSON of AuctionSettings); null: defaults.
     */
    @Column(name = "auction_rules", length = 1000)
    private String auctionRules;

    @OneToMany(mappedBy = "lot", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<LotItem> items = new ArrayList<>();

    protected ProjectLot() {}

    public ProjectLot(
            Project project,
            int lotNo,
            String title,
            BigDecimal bidSecurity,
            boolean smeOnly,
            String qualification) {
        this.project = project;
        this.lotNo = lotNo;
        this.title = title;
        this.bidSecurity = bidSecurity;
        this.smeOnly = smeOnly;
        this.qualification = qualification;
    }

    public String getAuctionRules() {
        return auctionRules;
    }

    public void setAuctionRules(String auctionRules) {
        this.auctionRules = auctionRules;
    }

    /** Sets the items; the budget becomes their sum. */
    public void carry(List<LotItem> items) {
        this.items.clear();
        this.items.addAll(items);
        this.budget =
                items.stream().map(LotItem::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
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

    public String getTitle() {
        return title;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public BigDecimal getBidSecurity() {
        return bidSecurity;
    }

    public boolean isSmeOnly() {
        return smeOnly;
    }

    public String getQualification() {
        return qualification;
    }

    public List<LotItem> getItems() {
        return items;
    }
}

package io.sunshine.procurement.auction.entity;

import io.sunshine.platform.control.Money;
import io.sunshine.procurement.auction.control.AuctionRules;
import io.sunshine.procurement.auction.control.Decrement;
import io.sunshine.procurement.project.entity.Project;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One lot's online reverse auction: its rules as published, its start and (current) close, and the
 * running figures the engine keeps under the row's lock — best price, number of bids, the bid log's
 * length and last hash.
 */
@Entity
@Table(name = "auction")
public class Auction {
    @Id
    @SequenceGenerator(name = "auction_seq", sequenceName = "auction_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auction_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false)
    private Project project;

    @Column(name = "lot_no", nullable = false)
    private int lotNo;

    @Column(name = "ceiling", nullable = false, precision = 18, scale = 2)
    private BigDecimal ceiling;

    @Enumerated(EnumType.STRING)
    @Column(name = "decrement_kind", nullable = false, length = 10)
    private Decrement.Kind decrementKind;

    @Column(name = "decrement_value", nullable = false, precision = 18, scale = 2)
    private BigDecimal decrementValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "basis", nullable = false, length = 10)
    private AuctionRules.Basis basis;

    @Column(name = "window_seconds", nullable = false)
    private int windowSeconds;

    @Column(name = "extension_seconds", nullable = false)
    private int extensionSeconds;

    @Column(name = "max_extensions", nullable = false)
    private int maxExtensions;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false, length = 20)
    private AuctionRules.Visibility visibility;

    @Column(name = "min_bidders", nullable = false)
    private int minBidders;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "scheduled_close", nullable = false)
    private Instant scheduledClose;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(name = "extensions", nullable = false)
    private int extensions;

    @Column(name = "best_amount", precision = 18, scale = 2)
    private BigDecimal bestAmount;

    @Column(name = "bid_count", nullable = false)
    private int bidCount;

    @Column(name = "log_count", nullable = false)
    private int logCount;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    @Column(name = "alias_salt", nullable = false, length = 64)
    private String aliasSalt;

    @Column(name = "state", nullable = false, length = 10)
    private String state = OPEN;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "winner_id")
    private Long winnerId;

    @Column(name = "winning_amount", precision = 18, scale = 2)
    private BigDecimal winningAmount;

    @Column(name = "saving", precision = 18, scale = 2)
    private BigDecimal saving;

    @Column(name = "qualified_count")
    private Integer qualifiedCount;

    @Column(name = "audit_storage_name", length = 43)
    private String auditStorageName;

    @Column(name = "audit_sha256", length = 64)
    private String auditSha256;

    @Column(name = "audit_size")
    private Long auditSize;

    @Version private long version;

    public static final String OPEN = "OPEN";
    public static final String AWARDED = "AWARDED";
    public static final String FAILED = "FAILED";

    protected Auction() {}

    public Auction(
            Project project,
            int lotNo,
            AuctionRules rules,
            Instant startsAt,
            Instant scheduledClose,
            String aliasSalt,
            String genesis) {
        this.project = project;
        this.lotNo = lotNo;
        this.ceiling = rules.ceiling().amount();
        this.decrementKind = rules.decrement().kind();
        this.decrementValue = rules.decrement().value();
        this.basis = rules.basis();
        this.windowSeconds = (int) rules.window().toSeconds();
        this.extensionSeconds = (int) rules.extension().toSeconds();
        this.maxExtensions = rules.maxExtensions();
        this.visibility = rules.visibility();
        this.minBidders = rules.minBidders();
        this.startsAt = startsAt;
        this.scheduledClose = scheduledClose;
        this.closesAt = scheduledClose;
        this.aliasSalt = aliasSalt;
        this.lastHash = genesis;
    }

    public AuctionRules rules() {
        return new AuctionRules(
                Money.of(ceiling),
                new Decrement(decrementKind, decrementValue),
                basis,
                Duration.ofSeconds(windowSeconds),
                Duration.ofSeconds(extensionSeconds),
                maxExtensions,
                visibility,
                minBidders);
    }

    /** After an accepted bid: the new best, count and close. */
    public void accepted(BigDecimal best, int bids, Instant close, int extensions) {
        this.bestAmount = best;
        this.bidCount = bids;
        this.closesAt = close;
        this.extensions = extensions;
    }

    /** After a log entry: its number and hash. */
    public void logged(int count, String hash) {
        this.logCount = count;
        this.lastHash = hash;
    }

    /** The result, once: awarded to the winner at its amount, with the saving. */
    public void awarded(
            Instant at, long winner, BigDecimal amount, BigDecimal saving, int qualified) {
        requireOpen();
        this.state = AWARDED;
        this.closedAt = at;
        this.winnerId = winner;
        this.winningAmount = amount;
        this.saving = saving;
        this.qualifiedCount = qualified;
    }

    /** The result, once: failed (too few qualified bidders). */
    public void failed(Instant at, int qualified) {
        requireOpen();
        this.state = FAILED;
        this.closedAt = at;
        this.qualifiedCount = qualified;
    }

    /** The audit document made at the close, once: its storage name, SHA-256 and size. */
    public void documented(String storageName, String sha256, long size) {
        if (OPEN.equals(state) || auditStorageName != null) {
            throw new IllegalStateException(
                    "Auction " + id + " cannot take an audit document now (" + state + ")");
        }
        this.auditStorageName = Objects.requireNonNull(storageName);
        this.auditSha256 = Objects.requireNonNull(sha256);
        this.auditSize = size;
    }

    public String getAuditStorageName() {
        return auditStorageName;
    }

    public String getAuditSha256() {
        return auditSha256;
    }

    private void requireOpen() {
        if (!OPEN.equals(state)) {
            throw new IllegalStateException("Auction " + id + " is already " + state);
        }
    }

    public String getState() {
        return state;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Long getWinnerId() {
        return winnerId;
    }

    public BigDecimal getWinningAmount() {
        return winningAmount;
    }

    public BigDecimal getSaving() {
        return saving;
    }

    public Integer getQualifiedCount() {
        return qualifiedCount;
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

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getScheduledClose() {
        return scheduledClose;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public int getExtensions() {
        return extensions;
    }

    public BigDecimal getBestAmount() {
        return bestAmount;
    }

    public int getBidCount() {
        return bidCount;
    }

    public int getLogCount() {
        return logCount;
    }

    public String getLastHash() {
        return lastHash;
    }

    public String getAliasSalt() {
        return aliasSalt;
    }
}

package io.sunshine.procurement.auction.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the auction's bid log: every bid, accepted or refused, chained by its hash. */
@Entity
@Table(name = "auction_log")
public class AuctionLogEntry {
    @Id
    @SequenceGenerator(
            name = "auction_log_seq",
            sequenceName = "auction_log_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auction_log_seq")
    private Long id;

    @Column(name = "auction_id", nullable = false)
    private long auctionId;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;

    @Column(name = "bidder_id", nullable = false)
    private long bidderId;

    @Column(name = "alias", nullable = false, length = 20)
    private String alias;

    @Column(name = "amount", nullable = false, length = 60)
    private String amount;

    @Column(name = "outcome", nullable = false, length = 40)
    private String outcome;

    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuctionLogEntry() {}

    public AuctionLogEntry(
            long auctionId,
            int seq,
            Instant loggedAt,
            long bidderId,
            String alias,
            String amount,
            String outcome,
            String hash) {
        this.auctionId = auctionId;
        this.seq = seq;
        this.loggedAt = loggedAt;
        this.bidderId = bidderId;
        this.alias = alias;
        this.amount = amount;
        this.outcome = outcome;
        this.hash = hash;
    }

    public int getSeq() {
        return seq;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }

    public long getBidderId() {
        return bidderId;
    }

    public String getAlias() {
        return alias;
    }

    public String getAmount() {
        return amount;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getHash() {
        return hash;
    }
}

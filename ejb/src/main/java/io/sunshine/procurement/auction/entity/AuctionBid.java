package io.sunshine.procurement.auction.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An accepted bid, durable before the bidder is told it was accepted. */
@Entity
@Table(name = "auction_bid")
public class AuctionBid {
    @Id
    @SequenceGenerator(
            name = "auction_bid_seq",
            sequenceName = "auction_bid_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auction_bid_seq")
    private Long id;

    @Column(name = "auction_id", nullable = false)
    private long auctionId;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "bidder_id", nullable = false)
    private long bidderId;

    @Column(name = "amount", nullable = false, precision = 18, scale = 2)
    private BigDecimal amount;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    @Column(name = "client_key", length = 64)
    private String clientKey;

    protected AuctionBid() {}

    public AuctionBid(
            long auctionId,
            int seq,
            long bidderId,
            BigDecimal amount,
            Instant acceptedAt,
            String clientKey) {
        this.auctionId = auctionId;
        this.seq = seq;
        this.bidderId = bidderId;
        this.amount = amount;
        this.acceptedAt = acceptedAt;
        this.clientKey = clientKey;
    }

    public long getAuctionId() {
        return auctionId;
    }

    public int getSeq() {
        return seq;
    }

    public long getBidderId() {
        return bidderId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public String getClientKey() {
        return clientKey;
    }
}

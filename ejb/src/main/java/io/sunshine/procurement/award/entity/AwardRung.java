package io.sunshine.procurement.award.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One rung of the ranking kept with an award: a bidder at its lowest accepted bid. */
@Embeddable
public class AwardRung {
    @Column(name = "rank_no", nullable = false)
    private int rank;

    @Column(name = "supplier_id", nullable = false)
    private long supplierId;

    @Column(name = "amount", nullable = false, precision = 18, scale = 2)
    private BigDecimal amount;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    protected AwardRung() {}

    public AwardRung(int rank, long supplierId, BigDecimal amount, Instant acceptedAt) {
        if (rank < 1) {
            throw new IllegalArgumentException("Ranks start at 1.");
        }
        this.rank = rank;
        this.supplierId = supplierId;
        this.amount = Objects.requireNonNull(amount, "A rung needs its amount.");
        this.acceptedAt = Objects.requireNonNull(acceptedAt, "A rung needs its time.");
    }

    public int getRank() {
        return rank;
    }

    public long getSupplierId() {
        return supplierId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }
}

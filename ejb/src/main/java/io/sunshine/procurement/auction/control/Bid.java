package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * An accepted bid: its sequence number in the auction (1, 2, …), the bidder (supplier organisation
 * id), the amount and the server instant it was accepted.
 */
public record Bid(long seq, long bidder, Money amount, Instant acceptedAt) {
    public Bid {
        Objects.requireNonNull(amount, "The amount is required.");
        Objects.requireNonNull(acceptedAt, "The acceptance instant is required.");
    }
}

package io.sunshine.procurement.auction.boundary;

/** An auction's visible state changed (an accepted bid, an extension, the close): for the feed. */
public record AuctionChanged(long auctionId) {}

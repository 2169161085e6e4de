package io.sunshine.procurement.auction.boundary;

import io.sunshine.platform.control.ProblemCode;

/** A bid was refused (and written to its auction's log): for the audit trail, after the commit. */
public record BidRefused(long auctionId, ProblemCode code, String amount) {}

package io.sunshine.procurement.auction.boundary;

import io.sunshine.platform.control.ProblemCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The engine's answer to one bid, after it is durable: accepted with the bidder's rank (and the
 * best price where the rules show it), or refused with a stable code and the figures that decided
 * it — the refusal itself is in the auction's log and the audit trail.
 */
public record BidAnswer(
        boolean accepted,
        ProblemCode code,
        List<Object> args,
        String field,
        Integer seq,
        BigDecimal amount,
        int rank,
        BigDecimal bestAmount,
        Instant closesAt,
        boolean extended,
        boolean repeated) {

    static BidAnswer refused(ProblemCode code, String field, List<Object> args) {
        return new BidAnswer(false, code, args, field, null, null, 0, null, null, false, false);
    }
}

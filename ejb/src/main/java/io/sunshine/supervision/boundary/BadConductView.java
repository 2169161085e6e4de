package io.sunshine.supervision.boundary;

import io.sunshine.supervision.entity.BadConductEntry;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An entry of the bad-conduct list as pages and the API show it. {@code inForce} is computed at the
 * instant of the read.
 */
public record BadConductView(
        long id,
        long supplierId,
        String supplierName,
        String creditCode,
        String decisionReference,
        String reason,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean inForce,
        Instant listedAt,
        String listedBy,
        Instant liftedAt,
        String liftedBy,
        String liftReason)
        implements Serializable {

    static BadConductView of(BadConductEntry e, Instant now) {
        return new BadConductView(
                e.getId(),
                e.getOrganisation().getId(),
                e.getOrganisation().getName(),
                e.getOrganisation().getCreditCode(),
                e.getDecisionReference(),
                e.getReason(),
                e.getStartsOn(),
                e.getEndsOn(),
                e.barsAt(now),
                e.getListedAt(),
                e.getListedBy(),
                e.getLiftedAt(),
                e.getLiftedBy(),
                e.getLiftReason());
    }

    /** What the public sees: the listing itself, not who on the platform entered or lifted it. */
    public BadConductView publicPart() {
        return new BadConductView(
                id,
                supplierId,
                supplierName,
                creditCode,
                decisionReference,
                reason,
                startsOn,
                endsOn,
                inForce,
                null,
                null,
                liftedAt,
                null,
                null);
    }
}

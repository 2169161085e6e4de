package io.sunshine.supervision.boundary;

import io.sunshine.supervision.entity.BadConductEntry;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

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
        boolean liftable,
        Instant listedAt,
        String listedBy,
        Instant liftedAt,
        String liftedBy,
        String liftReason)
        implements Serializable {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

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
                e.getLiftedAt() == null
                        && !e.period().endedBefore(LocalDate.ofInstant(now, BEIJING)),
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
                liftable,
                null,
                null,
                liftedAt,
                null,
                null);
    }
}

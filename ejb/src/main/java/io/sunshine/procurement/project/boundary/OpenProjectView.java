package io.sunshine.procurement.project.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A published project whose deadline has not passed, as a supplier's list shows it. */
public record OpenProjectView(
        long id,
        String reference,
        String title,
        String method,
        String buyerName,
        Instant bidDeadline,
        int lots,
        int smeOnlyLots,
        long enrolledLots)
        implements Serializable {}

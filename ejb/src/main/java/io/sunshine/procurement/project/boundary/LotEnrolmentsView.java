package io.sunshine.procurement.project.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The suppliers enrolled in one lot, for the project's agency and buyer once the deadline has
 * passed (and for supervisors at any time).
 */
public record LotEnrolmentsView(
        long projectId, String projectReference, int lotNo, String lotTitle, List<Entry> suppliers)
        implements Serializable {

    /** One enrolled supplier: its name, credit code and the time it enrolled. */
    public record Entry(long supplierId, String name, String creditCode, Instant enrolledAt)
            implements Serializable {}
}

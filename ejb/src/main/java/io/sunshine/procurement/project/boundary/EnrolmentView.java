package io.sunshine.procurement.project.boundary;

import io.sunshine.procurement.project.entity.Enrolment;
import io.sunshine.procurement.project.entity.ProjectLot;
import java.io.Serializable;
import java.time.Instant;

/** A supplier's enrolment in one lot, as the supplier itself sees it. */
public record EnrolmentView(
        long id,
        long projectId,
        String projectReference,
        String projectTitle,
        int lotNo,
        String lotTitle,
        long supplierId,
        String supplierName,
        String username,
        Instant enrolledAt,
        Instant bidDeadline)
        implements Serializable {

    static EnrolmentView of(Enrolment e) {
        ProjectLot lot = e.getProject().lot(e.getLotNo());
        return new EnrolmentView(
                e.getId(),
                e.getProject().getId(),
                e.getProject().getReference(),
                e.getProject().getTitle(),
                e.getLotNo(),
                lot == null ? null : lot.getTitle(),
                e.getSupplier().getId(),
                e.getSupplier().getName(),
                e.getUsername(),
                e.getEnrolledAt(),
                e.getProject().getBidDeadline());
    }
}

package io.sunshine.procurement.ocds.control;

import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A procurement project (采购项目) as the public sees it: what every release of its contracting process
 * describes.
 *
 * @param processId the contracting process this project belongs to: the ocid's local part. A
 *     project opened from an approved requirement continues the process its intention began, so the
 *     two share one ocid (see {@code io.sunshine.procurement.ocds.boundary.OpenData})
 * @param reference the project number (项目编号), unique on the platform; it becomes the tender id
 * @param title the project name
 * @param description what is procured and why, or {@code null}
 * @param method the procurement method
 * @param methodRationale why this method (required by law for single source), or {@code null}
 * @param buyer the purchasing unit (采购人) that pays
 * @param procuringEntity the agency that runs the procedure; the buyer itself in decentralised
 *     procurement (自行采购); {@code null} while only the intention is published (no agency is chosen
 *     yet)
 * @param lots at least one lot
 */
public record ProcurementProject(
        String processId,
        String reference,
        String title,
        String description,
        ProcurementMethod method,
        String methodRationale,
        Organization buyer,
        Organization procuringEntity,
        List<Lot> lots) {

    public ProcurementProject {
        Objects.requireNonNull(processId, "A contracting process id is required.");
        Objects.requireNonNull(reference, "A project reference is required.");
        Objects.requireNonNull(title, "A project title is required.");
        Objects.requireNonNull(method, "A procurement method is required.");
        Objects.requireNonNull(buyer, "The buyer is required.");
        if (reference.isBlank() || processId.isBlank()) {
            throw new IllegalArgumentException("A project reference and process id are required.");
        }
        lots = List.copyOf(lots);
        if (lots.isEmpty()) {
            throw new IllegalArgumentException("A project has at least one lot: " + reference);
        }
    }

    /** A project that starts its own contracting process: the process id is its reference. */
    public ProcurementProject(
            String reference,
            String title,
            String description,
            ProcurementMethod method,
            String methodRationale,
            Organization buyer,
            Organization procuringEntity,
            List<Lot> lots) {
        this(
                reference,
                reference,
                title,
                description,
                method,
                methodRationale,
                buyer,
                procuringEntity,
                lots);
    }

    /** The project's budget: the sum of its lots' budgets. */
    public BigDecimal budget() {
        return lots.stream().map(Lot::budget).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Lot lot(String lotId) {
        return lots.stream()
                .filter(l -> l.id().equals(lotId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("No lot " + lotId + " in " + reference));
    }

    public List<ProjectItem> items() {
        return lots.stream().flatMap(l -> l.items().stream()).toList();
    }
}

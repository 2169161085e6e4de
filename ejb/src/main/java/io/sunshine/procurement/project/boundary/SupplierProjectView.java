package io.sunshine.procurement.project.boundary;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.procurement.project.entity.ProjectState;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A published project as a supplier sees it on its project page: the summary and deadlines, each
 * lot with what this supplier may do there (enrolled, may enrol, or the reason it may not, in the
 * caller's language), and the procurement documents with this supplier's last download of each.
 */
public record SupplierProjectView(
        long id,
        String reference,
        String title,
        String description,
        String method,
        String buyerName,
        String agencyName,
        String qualification,
        Instant bidDeadline,
        Instant auctionStart,
        ProjectState state,
        Instant publishedAt,
        List<Lot> lots,
        List<Document> documents)
        implements Serializable {

    /**
     * A lot and this supplier's standing in it: {@code enrolledAt} when enrolled; otherwise {@code
     * blockedCode} (with its message) when it may not enrol, or neither when it may.
     */
    public record Lot(
            int lotNo,
            String title,
            BigDecimal budget,
            BigDecimal bidSecurity,
            boolean smeOnly,
            String qualification,
            Instant enrolledAt,
            ProblemCode blockedCode,
            String blockedMessage)
            implements Serializable {
        public boolean enrolled() {
            return enrolledAt != null;
        }

        public boolean mayEnrol() {
            return enrolledAt == null && blockedCode == null;
        }
    }

    /** A procurement document and when this supplier last downloaded it (null: never). */
    public record Document(
            long id, String fileName, String sha256, long sizeBytes, Instant downloadedAt)
            implements Serializable {}
}

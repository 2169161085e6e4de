package io.sunshine.directory.boundary;

import io.sunshine.directory.control.CatalogueFile.LineError;
import io.sunshine.directory.entity.CatalogueImport;
import java.time.Instant;
import java.util.List;

/** An import job as its requester follows it: status, progress and, when refused, every fault. */
public record CatalogueImportView(
        long id,
        CatalogueImport.Status status,
        CatalogueImport.Mode mode,
        int totalRows,
        int processedRows,
        int createdRows,
        int updatedRows,
        int deactivatedRows,
        int errorCount,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        List<LineError> errors) {

    static CatalogueImportView of(CatalogueImport j, List<LineError> errors) {
        return new CatalogueImportView(
                j.getId(),
                j.getStatus(),
                j.getMode(),
                j.getTotalRows(),
                j.getProcessedRows(),
                j.getCreatedRows(),
                j.getUpdatedRows(),
                j.getDeactivatedRows(),
                j.getErrorCount(),
                j.getRequestedBy(),
                j.getRequestedAt(),
                j.getStartedAt(),
                j.getFinishedAt(),
                List.copyOf(errors));
    }

    public boolean finished() {
        return status.finished();
    }

    /** Progress in percent: validation counts as the first 5. */
    public int percent() {
        return switch (status) {
            case QUEUED -> 0;
            case VALIDATING -> 2;
            case WRITING ->
                    totalRows == 0 ? 5 : 5 + (int) (95L * processedRows / Math.max(1, totalRows));
            case DONE, REFUSED, FAILED -> 100;
        };
    }
}

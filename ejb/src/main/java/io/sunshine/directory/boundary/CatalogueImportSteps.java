package io.sunshine.directory.boundary;

import io.sunshine.directory.control.CatalogueFile;
import io.sunshine.directory.control.CatalogueFile.LineError;
import io.sunshine.directory.entity.CatalogueImport;
import io.sunshine.directory.entity.CatalogueItem;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps of an import, each its own transaction, so that the job's progress is visible to the
 * administrator while it runs and a chunk written stays written. Called only by {@link Catalogue}
 * and {@link CatalogueImporter}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CatalogueImportSteps {
    @PersistenceContext EntityManager em;
    @Inject Clock clock;

    public long create(CatalogueImport.Mode mode, long bytes, String requestedBy) {
        CatalogueImport job = new CatalogueImport(mode, bytes, requestedBy, clock.instant());
        em.persist(job);
        em.flush();
        return job.getId();
    }

    public CatalogueImport.Mode startValidating(long id) {
        CatalogueImport job = em.find(CatalogueImport.class, id);
        job.startValidating(clock.instant());
        return job.getMode();
    }

    /** Every code in the catalogue now (a few thousand: one query, held for the validation). */
    public Set<String> existingCodes() {
        return Set.copyOf(
                em.createQuery("SELECT i.code FROM CatalogueItem i", String.class).getResultList());
    }

    public void refuse(long id, CatalogueFile.Verdict verdict) {
        CatalogueImport job = em.find(CatalogueImport.class, id);
        job.refuse(verdict.rows(), verdict.errorCount(), clock.instant());
        int seq = 0;
        for (LineError e : verdict.errors()) {
            em.createNativeQuery(
                            "INSERT INTO catalogue_import_error (import_id, seq, line_no, field,"
                                    + " reason, bad_value, other_line) VALUES (?1, ?2, ?3, ?4, ?5,"
                                    + " ?6, CAST(?7 AS INTEGER))")
                    .setParameter(1, id)
                    .setParameter(2, ++seq)
                    .setParameter(3, e.line())
                    .setParameter(4, e.field())
                    .setParameter(5, e.reason().name())
                    .setParameter(6, e.value())
                    .setParameter(7, e.otherLine())
                    .executeUpdate();
        }
    }

    public void startWriting(long id, int rows) {
        em.find(CatalogueImport.class, id).startWriting(rows);
    }

    /** Upserts one chunk of checked items and moves the job's progress on. */
    public void writeChunk(long id, List<CatalogueFile.Item> chunk) {
        Map<String, CatalogueItem> existing = new HashMap<>();
        List<String> codes = chunk.stream().map(i -> i.code().value()).toList();
        em.createQuery("SELECT i FROM CatalogueItem i WHERE i.code IN :codes", CatalogueItem.class)
                .setParameter("codes", codes)
                .getResultStream()
                .forEach(i -> existing.put(i.getCode(), i));
        int created = 0;
        int updated = 0;
        var now = clock.instant();
        for (CatalogueFile.Item item : chunk) {
            CatalogueItem found = existing.get(item.code().value());
            if (found == null) {
                em.persist(new CatalogueItem(item.code(), item.name(), id, now));
                created++;
            } else if (found.restate(item.name(), id, now)) {
                updated++;
            }
        }
        em.find(CatalogueImport.class, id).wrote(chunk.size(), created, updated);
    }

    /**
     * Finishes the job; a REPLACE import makes every item it did not state inactive (the roots
     * stay).
     */
    public int finish(long id) {
        CatalogueImport job = em.find(CatalogueImport.class, id);
        int deactivated = 0;
        if (job.getMode() == CatalogueImport.Mode.REPLACE) {
            deactivated =
                    em.createNativeQuery(
                                    "UPDATE catalogue_item SET active = FALSE, updated_at = ?1"
                                        + " WHERE active = TRUE AND depth > 0 AND (last_import_id"
                                        + " IS NULL OR last_import_id <> ?2)")
                            .setParameter(
                                    1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                            .setParameter(2, id)
                            .executeUpdate();
        }
        job.done(deactivated, clock.instant());
        return deactivated;
    }

    public void fail(long id, String why) {
        CatalogueImport job = em.find(CatalogueImport.class, id);
        if (job != null) {
            job.fail(why, clock.instant());
        }
    }

    public static String summary(CatalogueImport job) {
        return Map.of(
                        "status", job.getStatus(),
                        "rows", job.getTotalRows(),
                        "created", job.getCreatedRows(),
                        "updated", job.getUpdatedRows(),
                        "deactivated", job.getDeactivatedRows(),
                        "errors", job.getErrorCount())
                .entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}

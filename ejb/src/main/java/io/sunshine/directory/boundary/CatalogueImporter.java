package io.sunshine.directory.boundary;

import io.sunshine.directory.control.CatalogueFile;
import io.sunshine.directory.entity.CatalogueImport;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an import on the container's EJB executor (never a thread of its own): validates the whole
 * file first and, only if every line is sound, writes it in chunks of {@value #CHUNK} items, one
 * transaction each, moving the job's progress on after each.
 *
 * <p>The job runs on the instance that received the file. If that instance stops mid-way the job
 * stays WRITING with the chunks written so far; importing the same file again completes it (the
 * import upserts).
 */
@Stateless
@PermitAll
public class CatalogueImporter {
    static final int CHUNK = 500;
    private static final Logger LOG = Logger.getLogger(CatalogueImporter.class.getName());

    @EJB CatalogueImportSteps steps;
    @EJB AuditTrail audit;
    @EJB Directory directory;
    @PersistenceContext EntityManager em;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(long id, String text) {
        try {
            CatalogueImport.Mode mode = steps.startValidating(id);
            // MERGE: a parent may already be in the catalogue; REPLACE: the file is the whole
            // catalogue, so every parent but a root must be in it
            Set<String> existing =
                    mode == CatalogueImport.Mode.MERGE ? steps.existingCodes() : Set.of();
            CatalogueFile.Verdict verdict =
                    CatalogueFile.check(
                            text,
                            mode == CatalogueImport.Mode.MERGE
                                    ? existing::contains
                                    : code -> code.length() == 1);
            if (!verdict.accepted()) {
                steps.refuse(id, verdict);
                recordOutcome(id, "CATALOGUE_IMPORT_REFUSED");
                return;
            }
            List<CatalogueFile.Item> items = verdict.items();
            steps.startWriting(id, items.size());
            for (int from = 0; from < items.size(); from += CHUNK) {
                steps.writeChunk(id, items.subList(from, Math.min(items.size(), from + CHUNK)));
            }
            steps.finish(id);
            recordOutcome(id, "CATALOGUE_IMPORTED");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Catalogue import " + id + " failed", e);
            steps.fail(id, e.getClass().getSimpleName());
            recordOutcome(id, "CATALOGUE_IMPORT_FAILED");
        }
    }

    private void recordOutcome(long id, String action) {
        try {
            // outside a transaction: a fresh read of the committed job
            CatalogueImport job = em.find(CatalogueImport.class, id);
            AuditTrail.Actor actor =
                    directory
                            .findAccount(job.getRequestedBy())
                            .map(AuditTrail.Actor::of)
                            .orElse(new AuditTrail.Actor(job.getRequestedBy(), null, null));
            audit.recordFor(
                    actor,
                    action,
                    "CatalogueImport",
                    String.valueOf(id),
                    null,
                    CatalogueImportSteps.summary(job));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Catalogue import " + id + ": outcome not audited", e);
        }
    }
}

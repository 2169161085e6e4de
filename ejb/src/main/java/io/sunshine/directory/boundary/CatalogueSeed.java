package io.sunshine.directory.boundary;

import io.sunshine.directory.control.CatalogueFile;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * Fills an empty catalogue with the seed subset shipped in the EJB jar (from {@code
 * config/catalogue/catalogue-seed.csv}), checked by the same rules as an import. Instances of a
 * cluster starting together may both see it empty: {@code ON CONFLICT DO NOTHING} lets both insert
 * without error.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class CatalogueSeed {
    static final String RESOURCE = "io/sunshine/directory/catalogue/catalogue-seed.csv";
    private static final Logger LOG = Logger.getLogger(CatalogueSeed.class.getName());

    @PersistenceContext EntityManager em;
    @EJB AuditTrail audit;
    @Inject Clock clock;

    @PostConstruct
    void seedIfEmpty() {
        long items =
                em.createQuery("SELECT COUNT(i) FROM CatalogueItem i", Long.class)
                        .getSingleResult();
        if (items > 0) {
            return;
        }
        CatalogueFile.Verdict seed = CatalogueFile.check(read(), code -> false);
        if (!seed.accepted()) {
            throw new IllegalStateException("The catalogue seed is invalid: " + seed.errors());
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int inserted = 0;
        for (CatalogueFile.Item i : seed.items()) {
            inserted +=
                    em.createNativeQuery(
                                    "INSERT INTO catalogue_item (code, name, parent_code, category,"
                                            + " depth, active, updated_at) VALUES (?1, ?2, ?3, ?4,"
                                            + " ?5, TRUE, ?6) ON CONFLICT DO NOTHING")
                            .setParameter(1, i.code().value())
                            .setParameter(2, i.name())
                            .setParameter(3, i.code().parent())
                            .setParameter(4, i.code().category())
                            .setParameter(5, i.code().depth())
                            .setParameter(6, now)
                            .executeUpdate();
        }
        audit.record("CATALOGUE_SEEDED", "Catalogue", "seed", null, "items=" + inserted);
        int n = inserted;
        LOG.info(() -> "Catalogue seeded with " + n + " items from " + RESOURCE);
    }

    private static String read() {
        try (InputStream in = CatalogueSeed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The catalogue seed is missing: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

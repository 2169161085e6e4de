package io.sunshine.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway when the application is deployed, before any other
 * start-up bean touches the database. The schema comes only from the migrations in {@code
 * db/migration/common} plus those of the running database ({@code db/migration/postgresql} or
 * {@code db/migration/h2}); JPA never generates DDL.
 *
 * <p>With several instances deploying at once, Flyway's own lock on its history table lets one
 * migrate while the others wait and then find nothing to do.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "jdbc/sunshine")
    DataSource dataSource;

    private volatile String schemaVersion;
    private volatile String vendor;

    @PostConstruct
    void migrate() {
        vendor = vendorOf(dataSource);
        Flyway flyway =
                Flyway.configure(DatabaseMigration.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations(
                                "classpath:db/migration/common", "classpath:db/migration/" + vendor)
                        .baselineOnMigrate(false)
                        .load();
        MigrateResult result = flyway.migrate();
        schemaVersion = result.targetSchemaVersion;
        if (schemaVersion == null && flyway.info().current() != null) {
            schemaVersion = flyway.info().current().getVersion().getVersion();
        }
        LOG.info(
                () ->
                        "Database "
                                + vendor
                                + " migrated: "
                                + result.migrationsExecuted
                                + " migration(s) run, schema version "
                                + schemaVersion);
    }

    private static String vendorOf(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("Unsupported database: " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
        }
    }

    /** Whether the database answers a connection check within {@code seconds}. */
    public boolean databaseAnswers(int seconds) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(seconds);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The schema version after migration, or null before. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** {@code postgresql} or {@code h2}. */
    @Lock(LockType.READ)
    public String vendor() {
        return vendor;
    }
}

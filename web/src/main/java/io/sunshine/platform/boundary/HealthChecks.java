package io.sunshine.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health: ready when the schema is migrated and the database answers within two
 * seconds; live while the JVM has heap to spare.
 */
@ApplicationScoped
public class HealthChecks {
    @Inject DatabaseMigration migration;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            String version = migration.schemaVersion();
            boolean reachable = migration.databaseAnswers(2);
            return HealthCheckResponse.named("database")
                    .status(reachable && version != null)
                    .withData("vendor", String.valueOf(migration.vendor()))
                    .withData("schemaVersion", String.valueOf(version))
                    .build();
        };
    }

    @Produces
    @Liveness
    HealthCheck heap() {
        return () -> {
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            long max = rt.maxMemory();
            return HealthCheckResponse.named("heap")
                    .status(used < max * 0.95)
                    .withData("usedMb", used / (1024 * 1024))
                    .withData("maxMb", max / (1024 * 1024))
                    .build();
        };
    }
}

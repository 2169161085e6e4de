package io.sunshine.platform.boundary;

import io.sunshine.directory.boundary.SecurityMetrics;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One place that records a denied access, wherever the refusal happened (a REST role check, an
 * EJB's role check, the container's page constraint): an audit row in its own transaction and the
 * Prometheus counter.
 */
@ApplicationScoped
public class AccessRefusals {
    @EJB AuditTrail audit;
    @Inject SecurityMetrics metrics;

    /**
     * @param objectType {@code Endpoint} or {@code Page}
     * @param target what was asked for, e.g. {@code GET /api/v1/users}
     * @param detail why it was refused, e.g. the roles required
     */
    public void record(String objectType, String target, String detail) {
        audit.recordRefusal("ACCESS_DENIED", objectType, target, null, detail);
        metrics.accessDenied();
    }
}

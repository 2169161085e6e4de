package io.sunshine.directory.boundary;

import io.sunshine.platform.control.ProblemCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Sign-in figures for the Prometheus endpoint: successes, failures and lockouts by channel. */
@ApplicationScoped
public class SecurityMetrics {
    @Inject MetricRegistry registry;

    void signIn(SignInResult r) {
        String outcome =
                r.succeeded()
                        ? "success"
                        : r.refusal() == ProblemCode.ACCOUNT_LOCKED ? "locked" : "failure";
        registry.counter("sunshine_sign_ins_total", new Tag("outcome", outcome)).inc();
    }

    public void accessDenied() {
        registry.counter("sunshine_access_denied_total").inc();
    }
}

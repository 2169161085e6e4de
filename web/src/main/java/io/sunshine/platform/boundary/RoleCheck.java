package io.sunshine.platform.boundary;

import io.sunshine.platform.control.ProblemCode;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import java.util.Set;

/**
 * Admits a request to a protected REST method only for a signed-in caller holding one of the
 * method's roles. A caller without a sign-in gets 401; a signed-in caller without the role gets
 * 403, and the attempt is written to the audit trail.
 */
@Priority(Priorities.AUTHORIZATION)
public class RoleCheck implements ContainerRequestFilter {
    static final String ANY_SIGNED_IN = "**";

    private final Set<String> roles;

    RoleCheck(Set<String> roles) {
        this.roles = Set.copyOf(roles);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext sc = request.getSecurityContext();
        Locale locale = Problems.localeOf(request.getAcceptableLanguages());
        if (sc.getUserPrincipal() == null) {
            request.abortWith(Problems.response(ProblemCode.AUTHENTICATION_REQUIRED, null, locale));
            return;
        }
        if (roles.contains(ANY_SIGNED_IN) || roles.stream().anyMatch(sc::isUserInRole)) {
            return;
        }
        String endpoint =
                request.getMethod()
                        + " /api/"
                        + request.getUriInfo().getPath().replaceFirst("^/", "");
        CDI.current()
                .select(AccessRefusals.class)
                .get()
                .record(
                        "Endpoint",
                        endpoint,
                        "required=" + String.join("|", roles.isEmpty() ? Set.of("none") : roles));
        request.abortWith(Problems.response(ProblemCode.ACCESS_DENIED, null, locale, endpoint));
    }
}

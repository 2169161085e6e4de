package io.sunshine.directory.boundary;

import io.sunshine.platform.boundary.Problems;
import io.sunshine.platform.control.ProblemCode;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A request that presents a bearer token the platform refuses (forged, expired, revoked, or of a
 * locked or disabled user) is answered 401 TOKEN_INVALID whatever it asks for, public or not: the
 * client must learn its token is dead rather than silently act anonymously.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TokenRejection implements ContainerRequestFilter {
    @Context HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (Boolean.TRUE.equals(
                servletRequest.getAttribute(PlatformAuthenticationMechanism.TOKEN_REFUSED))) {
            request.abortWith(
                    Problems.response(
                            ProblemCode.TOKEN_INVALID,
                            null,
                            Problems.localeOf(request.getAcceptableLanguages())));
        }
    }
}

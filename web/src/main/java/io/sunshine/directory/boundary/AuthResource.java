package io.sunshine.directory.boundary;

import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.JsonBody;
import io.sunshine.platform.boundary.Public;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Sign-in for API clients: {@code POST /api/v1/auth/token} with {@code {"username","password"}}
 * answers {@code {"token", "expiresAt"}}; {@code POST /api/v1/auth/logout} revokes the token
 * presented; {@code GET /api/v1/auth/me} says who the token speaks for.
 */
@Path("v1/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    private static final DateTimeFormatter BEIJING_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(java.time.ZoneId.of("Asia/Shanghai"));

    @EJB Authenticator authenticator;
    @EJB TokenService tokens;
    @EJB Directory directory;
    @Inject SecurityMetrics metrics;

    /** The issued token. */
    public record TokenResponse(
            String token,
            String tokenType,
            Instant expiresAt,
            String username,
            Set<String> roles) {}

    /** Who the caller is. */
    public record Me(
            String username,
            String displayName,
            String organisation,
            long organisationId,
            String organisationType,
            Set<String> roles) {}

    @POST
    @Path("token")
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange user name and password for a bearer token")
    public TokenResponse token(String body) {
        JsonBody json = JsonBody.parse(body);
        String username = json.requiredString("username");
        String password = json.requiredString("password");
        SignInResult r = authenticator.signIn(username, password.toCharArray(), "api");
        metrics.signIn(r);
        if (!r.succeeded()) {
            if (r.refusal() == ProblemCode.ACCOUNT_LOCKED) {
                throw new Refusal(
                        ProblemCode.ACCOUNT_LOCKED, null, BEIJING_TIME.format(r.lockedUntil()));
            }
            throw new Refusal(r.refusal(), null);
        }
        TokenService.IssuedToken t = tokens.issue(r.account());
        return new TokenResponse(
                t.token(),
                "Bearer",
                t.expiresAt(),
                r.account().username(),
                r.account().roleNames());
    }

    @POST
    @Path("logout")
    @AllowedRoles("**")
    @Operation(summary = "Revoke the bearer token presented")
    public Response logout(@HeaderParam("Authorization") String authorization) {
        tokens.revoke(authorization.substring(7).strip(), "LOGOUT");
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @AllowedRoles("**")
    @Operation(summary = "The signed-in caller")
    public Me me(@Context SecurityContext security) {
        Account a =
                directory
                        .findAccount(security.getUserPrincipal().getName())
                        .orElseThrow(() -> new Refusal(ProblemCode.TOKEN_INVALID, null));
        return new Me(
                a.username(),
                a.displayName(),
                a.organisationName(),
                a.organisationId(),
                a.organisationType().name(),
                a.roleNames());
    }
}

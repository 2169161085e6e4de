package io.sunshine.directory.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How a caller proves who they are.
 *
 * <ul>
 *   <li><b>REST API</b> ({@code /api/…}): only {@code Authorization: Bearer <token>}; a refused
 *       token is answered 401 TOKEN_INVALID by {@code TokenRejection}, never redirected. Browser
 *       cookies are ignored there, so a signed-in page cannot be tricked into calling the API (no
 *       CSRF through the API).
 *   <li><b>Pages</b>: the sign-in form posts to {@code SecurityContext.authenticate}; on success
 *       the session id is renewed (no fixation) and the session remembers the user. Each later
 *       request re-checks the account, so a lock or deactivation ends the session at once.
 *   <li><b>Live feed</b> ({@code /ws/…}, WebSocket handshakes): the page's session, or a bearer
 *       token for supplier systems; without either the handshake is answered 401 (never a redirect
 *       to the sign-in page, which a WebSocket client cannot follow).
 *   <li>A protected page without a sign-in redirects to the sign-in page (also for PrimeFaces AJAX
 *       requests, through a partial-response redirect).
 * </ul>
 */
@ApplicationScoped
public class PlatformAuthenticationMechanism implements HttpAuthenticationMechanism {
    static final String SESSION_USER = "io.sunshine.signedInUser";
    static final String LOGIN_PAGE = "/login.xhtml";

    /** Request attribute set when a presented bearer token was refused. */
    public static final String TOKEN_REFUSED = "io.sunshine.tokenRefused";

    @Inject IdentityStoreHandler identityStores;
    @EJB TokenService tokens;
    @EJB Directory directory;
    @Inject RequestCaller requestCaller;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");
        boolean feed = path.startsWith("/ws/");
        String authorization = request.getHeader("Authorization");

        if (feed
                && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Account> a = tokens.authenticate(authorization.substring(7).strip());
            if (a.isEmpty()) {
                return context.responseUnauthorized();
            }
            requestCaller.authenticated(a.get());
            return context.notifyContainerAboutLogin(a.get().username(), a.get().roleNames());
        }

        if (api) {
            // The API answers for itself: a missing or refused token is left to the JAX-RS layer
            // (RoleCheck, TokenRejection), which replies with a problem in the caller's language.
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                Optional<Account> a = tokens.authenticate(authorization.substring(7).strip());
                if (a.isEmpty()) {
                    request.setAttribute(TOKEN_REFUSED, Boolean.TRUE);
                    return context.doNothing();
                }
                requestCaller.authenticated(a.get());
                return context.notifyContainerAboutLogin(a.get().username(), a.get().roleNames());
            }
            return context.doNothing();
        }

        if (context.isAuthenticationRequest()
                && context.getAuthParameters() != null
                && context.getAuthParameters().getCredential() != null) {
            Credential credential = context.getAuthParameters().getCredential();
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.getSession(true);
            request.changeSessionId();
            request.getSession().setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
            return context.notifyContainerAboutLogin(result);
        }

        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(SESSION_USER);
        if (user instanceof String username) {
            Optional<Account> a = directory.findAccount(username);
            if (a.isPresent() && directory.canSignIn(a.get())) {
                return context.notifyContainerAboutLogin(username, a.get().roleNames());
            }
            session.invalidate();
        }
        if (context.isProtected() && feed) {
            return context.responseUnauthorized();
        }
        if (context.isProtected()) {
            return toLoginPage(request, response, path);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_USER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus toLoginPage(
            HttpServletRequest request, HttpServletResponse response, String path) {
        String query = request.getQueryString();
        String next = path + (query == null ? "" : "?" + query);
        String target =
                request.getContextPath()
                        + LOGIN_PAGE
                        + "?next="
                        + URLEncoder.encode(next, StandardCharsets.UTF_8);
        try {
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter()
                        .write(
                                "<?xml version=\"1.0\""
                                        + " encoding=\"UTF-8\"?><partial-response><redirect url=\""
                                        + target.replace("&", "&amp;").replace("\"", "&quot;")
                                        + "\"/></partial-response>");
                response.flushBuffer();
            } else {
                response.sendRedirect(target);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot redirect to the sign-in page", e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}

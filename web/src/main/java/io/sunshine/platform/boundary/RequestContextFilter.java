package io.sunshine.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * For every request: tells the business the client's address (for the audit trail) and sets the
 * security headers of every response (no framing, no MIME sniffing, no referrer leaks, a content
 * security policy that admits only the platform's own scripts and styles).
 *
 * <p>The address is the TCP peer's; a reverse proxy in front would need {@code X-Forwarded-For}
 * from a trusted hop, which the scale-out issue will configure.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestContextFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject CallerContext caller;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        caller.setClientAddress(request.getRemoteAddr());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src"
                        + " 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
                        + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}

package io.sunshine.platform.boundary;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every other exception becomes a problem too, never a stack trace: the framework's own (unknown
 * path, wrong method or media type, unreadable body), an EJB's refusal of the caller's role (403,
 * audited), and the truly unexpected (500 with a reference that the server log carries with the
 * stack trace).
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context HttpHeaders headers;
    @Context UriInfo uri;
    @Context Request request;

    @Override
    public Response toResponse(Throwable t) {
        Locale locale = Problems.localeOf(headers.getAcceptableLanguages());
        Throwable cause = unwrap(t);
        if (cause instanceof Refusal r) {
            return Problems.response(r.code(), r.field(), locale, r.args());
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLarge big) {
                return Problems.response(
                        ProblemCode.BODY_TOO_LARGE, null, locale, big.capMegabytes());
            }
        }
        if (cause instanceof EJBAccessException || cause instanceof ForbiddenException) {
            // ForbiddenException: Payara's own JAX-RS role filter, which it registers for an
            // EAR's web module whatever payara-web.xml says; refused exactly as RoleCheck would.
            String endpoint = request.getMethod() + " /api/" + uri.getPath().replaceFirst("^/", "");
            CDI.current()
                    .select(AccessRefusals.class)
                    .get()
                    .record(
                            "Endpoint",
                            endpoint,
                            cause instanceof ForbiddenException
                                    ? "jaxrs-role-check"
                                    : "ejb-role-check");
            return Problems.response(ProblemCode.ACCESS_DENIED, null, locale, endpoint);
        }
        if (cause instanceof NotFoundException) {
            return Problems.response(
                    ProblemCode.NOT_FOUND,
                    null,
                    locale,
                    "/api/" + uri.getPath().replaceFirst("^/", ""));
        }
        if (cause instanceof NotAllowedException) {
            return Problems.response(ProblemCode.METHOD_NOT_ALLOWED, null, locale);
        }
        if (cause instanceof NotSupportedException) {
            return Problems.response(ProblemCode.MEDIA_TYPE_UNSUPPORTED, null, locale);
        }
        if (cause instanceof NotAcceptableException) {
            return Problems.response(ProblemCode.NOT_ACCEPTABLE, null, locale);
        }
        if (cause instanceof NotAuthorizedException) {
            return Problems.response(ProblemCode.AUTHENTICATION_REQUIRED, null, locale);
        }
        if (cause instanceof ConstraintViolationException cv) {
            String field =
                    cv.getConstraintViolations().stream()
                            .map(v -> v.getPropertyPath().toString().replaceFirst("^.*\\.", ""))
                            .findFirst()
                            .orElse(null);
            return Problems.response(ProblemCode.VALIDATION_FAILED, field, locale, field);
        }
        if (cause instanceof BadRequestException
                || cause instanceof JsonException
                || cause instanceof JsonbException
                || cause instanceof ProcessingException) {
            return Problems.response(ProblemCode.BODY_MALFORMED, null, locale, "");
        }
        if (cause instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            return Problems.response(ProblemCode.BODY_MALFORMED, null, locale, "");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Unexpected error " + reference + " at " + uri.getPath(), t);
        return Problems.response(ProblemCode.INTERNAL_ERROR, null, locale, reference);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof EJBException
                && !(c instanceof EJBAccessException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}

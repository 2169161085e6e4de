package io.sunshine.platform.boundary;

import io.sunshine.platform.control.Refusal;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused command becomes its problem details; nothing was changed (the EJB rolled back). */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(Refusal r) {
        return Problems.response(
                r.code(), r.field(), Problems.localeOf(headers.getAcceptableLanguages()), r.args());
    }
}

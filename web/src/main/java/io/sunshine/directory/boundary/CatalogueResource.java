package io.sunshine.directory.boundary;

import io.sunshine.directory.control.CatalogueFile.LineError;
import io.sunshine.directory.entity.CatalogueImport;
import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.JsonBody;
import io.sunshine.platform.boundary.Problems;
import io.sunshine.platform.boundary.Public;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The procurement catalogue (政府采购品目分类目录): public look-up, and the administrator's import of the
 * full table from CSV.
 *
 * <pre>{@code
 * GET  /api/v1/catalogue?q=计算机&category=A&first=0&max=20
 * GET  /api/v1/catalogue/A02010105
 * POST /api/v1/catalogue/imports   (text/csv: code,name,parent)  → 202, Location: …/imports/{id}
 * GET  /api/v1/catalogue/imports/{id}
 * }</pre>
 */
@Path("v1/catalogue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {
    static final int DEFAULT_PAGE = 50;

    @EJB Catalogue catalogue;
    @Context HttpHeaders headers;
    @Context UriInfo uri;

    /** One fault of a refused file, in the caller's language. */
    public record LineErrorJson(
            int line,
            String field,
            String reason,
            String value,
            Integer otherLine,
            String message) {}

    /** An import job as the API shows it. */
    public record ImportJson(
            long id,
            String status,
            String mode,
            int totalRows,
            int processedRows,
            int percent,
            int createdRows,
            int updatedRows,
            int deactivatedRows,
            int errorCount,
            String requestedBy,
            String requestedAt,
            String startedAt,
            String finishedAt,
            List<LineErrorJson> errors) {}

    @GET
    @Public
    @Operation(
            summary =
                    "Search the catalogue by code prefix or a word of the name, by category (A"
                            + " goods, B works, C services) and/or parent; paged")
    public CataloguePage search(
            @QueryParam("q") String q,
            @QueryParam("category") String category,
            @QueryParam("parent") String parent,
            @QueryParam("activeOnly") String activeOnly,
            @QueryParam("first") String first,
            @QueryParam("max") String max) {
        return catalogue.page(
                q,
                category,
                parent,
                "true".equalsIgnoreCase(activeOnly),
                number(first, "first", 0),
                Math.min(number(max, "max", DEFAULT_PAGE), Catalogue.MAX_PAGE));
    }

    @GET
    @Path("{code}")
    @Public
    @Operation(summary = "One catalogue item by its code, e.g. A02010105")
    public CatalogueItemView item(@PathParam("code") String code) {
        if (io.sunshine.directory.control.CatalogueCode.parse(code).isEmpty()) {
            throw new Refusal(ProblemCode.CATALOGUE_CODE_INVALID, "code", abbreviate(code));
        }
        return catalogue
                .find(code)
                .orElseThrow(
                        () ->
                                new Refusal(
                                        ProblemCode.CATALOGUE_ITEM_NOT_FOUND,
                                        "code",
                                        code.strip().toUpperCase(Locale.ROOT)));
    }

    @POST
    @Path("imports")
    @AllowedRoles("ADMIN")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(
            summary =
                    "Import the catalogue from CSV (code,name,parent); mode=MERGE (default) keeps"
                            + " items not in the file, mode=REPLACE makes them inactive. Answers"
                            + " 202 with the job's Location")
    public Response startImport(@QueryParam("mode") String mode, String csv) {
        CatalogueImport.Mode m =
                mode == null || mode.isBlank()
                        ? CatalogueImport.Mode.MERGE
                        : JsonBody.enumValue(
                                CatalogueImport.Mode.class, mode.toUpperCase(Locale.ROOT), "mode");
        long id = catalogue.startImport(csv, m);
        CatalogueImportView job = catalogue.importJob(id);
        return Response.accepted(json(job, locale()))
                .location(uri.getBaseUriBuilder().path("v1/catalogue/imports/{id}").build(id))
                .build();
    }

    @GET
    @Path("imports/{id}")
    @AllowedRoles("ADMIN")
    @Operation(summary = "An import's status and progress; when refused, every fault by line")
    public ImportJson importJob(@PathParam("id") String id) {
        long n;
        try {
            n = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(ProblemCode.CATALOGUE_IMPORT_NOT_FOUND, "id", abbreviate(id));
        }
        return json(catalogue.importJob(n), locale());
    }

    private Locale locale() {
        return Problems.localeOf(headers.getAcceptableLanguages());
    }

    /** The job with each fault's message in the given language. */
    public static ImportJson json(CatalogueImportView j, Locale locale) {
        return new ImportJson(
                j.id(),
                j.status().name(),
                j.mode().name(),
                j.totalRows(),
                j.processedRows(),
                j.percent(),
                j.createdRows(),
                j.updatedRows(),
                j.deactivatedRows(),
                j.errorCount(),
                j.requestedBy(),
                text(j.requestedAt()),
                text(j.startedAt()),
                text(j.finishedAt()),
                j.errors().stream().map(e -> lineError(e, locale)).toList());
    }

    public static LineErrorJson lineError(LineError e, Locale locale) {
        return new LineErrorJson(
                e.line(),
                e.field(),
                e.reason().name(),
                e.value(),
                e.otherLine(),
                ProblemMessages.text(
                        e.reason().messageKey(),
                        locale,
                        e.value() == null ? "" : e.value(),
                        e.otherLine() == null ? "" : String.valueOf(e.otherLine())));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static int number(String text, String field, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.strip();
        if (!t.matches("[0-9]{1,9}")) {
            throw new Refusal(ProblemCode.NUMBER_INVALID, field, abbreviate(text));
        }
        return Integer.parseInt(t);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}

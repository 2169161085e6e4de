package io.sunshine.procurement.ocds.boundary;

import io.sunshine.platform.boundary.Public;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.ocds.control.RecordCompiler;
import io.sunshine.procurement.ocds.control.RecordPackage;
import io.sunshine.procurement.ocds.control.ReleasePackage;
import io.sunshine.procurement.ocds.control.ReleaseQuery;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public open data in OCDS 1.1 under {@code /api/ocds} (beside the platform's own {@code
 * /api/v1}: the paths open-data users expect, with no version of ours in them). No sign-in; JSON in
 * UTF-8, Chinese as Chinese.
 *
 * <ul>
 *   <li>{@code GET /api/ocds/releases?since=&until=&page=&size=} — a release package: the releases
 *       published in the window, oldest first, {@code size} per page (default 100, at most 1000),
 *       with absolute {@code links.next} and {@code links.prev}; see {@link ReleaseQuery}.
 *   <li>{@code GET /api/ocds/releases/{releaseId}} — the release of one notice (id = notice
 *       number), in a release package.
 *   <li>{@code GET /api/ocds/records/{ocid}} — the record of one contracting process: every release
 *       and the compiled release, in a record package.
 * </ul>
 */
@Path("ocds")
@RequestScoped
@Public
public class OpenDataResource {
    static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    @EJB OpenData openData;
    @Context UriInfo uri;

    @GET
    @Path("releases")
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "OCDS release package: releases published since/until (ISO 8601), oldest"
                            + " first, paged with links.next/links.prev (public)")
    public Response releases(
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        ReleaseQuery q = ReleaseQuery.parse(since, until, page, size);
        OpenData.ReleasePage result = openData.releases(q);
        if (result.releases().isEmpty()) {
            throw new Refusal(ProblemCode.OCDS_NO_RELEASES, "page", q.page());
        }
        URI list = uri.getBaseUriBuilder().path("ocds/releases").build();
        JsonObject pkg =
                ReleasePackage.build(
                        openData.header(q.uri(list), newest(result.releases())),
                        result.releases(),
                        q.links(list, result.more()));
        return json(pkg);
    }

    @GET
    @Path("releases/{releaseId}")
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OCDS release package holding the release of one notice (public)")
    public Response release(@PathParam("releaseId") String releaseId) {
        JsonObject release =
                openData.release(releaseId)
                        .orElseThrow(
                                () ->
                                        new Refusal(
                                                ProblemCode.OCDS_RELEASE_NOT_FOUND,
                                                "releaseId",
                                                abbreviate(releaseId)));
        URI self = uri.getBaseUriBuilder().path("ocds/releases").path(releaseId).build();
        return json(
                ReleasePackage.build(
                        openData.header(self, newest(List.of(release))), List.of(release)));
    }

    @GET
    @Path("records/{ocid}")
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "OCDS record package: every release of one contracting process and its"
                            + " compiled release (public)")
    public Response record(@PathParam("ocid") String ocid) {
        List<JsonObject> releases = openData.process(ocid);
        if (releases.isEmpty()) {
            throw new Refusal(ProblemCode.OCDS_RECORD_NOT_FOUND, "ocid", abbreviate(ocid));
        }
        URI self = uri.getBaseUriBuilder().path("ocds/records").path(ocid).build();
        return json(
                RecordPackage.build(
                        openData.header(self, newest(releases)),
                        List.of(),
                        List.of(RecordCompiler.compile(releases))));
    }

    /** A package built on demand is as new as its newest release. */
    private static Instant newest(List<JsonObject> releases) {
        return releases.stream()
                .map(r -> OffsetDateTime.parse(r.getString("date")).toInstant())
                .max(Instant::compareTo)
                .orElseThrow();
    }

    private static Response json(JsonObject body) {
        return Response.ok(body.toString(), JSON_UTF8).build();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}

package io.sunshine.procurement.project.boundary;

import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.JsonBody;
import io.sunshine.platform.boundary.PdfAttachment;
import io.sunshine.procurement.auction.control.AuctionRules;
import io.sunshine.procurement.auction.control.AuctionSettings;
import io.sunshine.procurement.auction.control.Decrement;
import io.sunshine.procurement.project.entity.ProjectState;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Stage 2 over REST: procurement projects, their documents and notices. */
@Path("v1")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {
    @EJB Projects projects;

    /**
     * A lot's {"auction": {"ceiling": "…", "decrementKind": "AMOUNT|PERCENT", "decrementValue":
     * "…", "basis": "BEST|OWN_LAST", "windowMinutes": 5, "extensionMinutes": 5, "maxExtensions": 3,
     * "visibility": "RANK_AND_BEST|RANK_ONLY", "minBidders": 3, "durationMinutes": 30}}, each
     * optional.
     */
    static AuctionSettings auctionSettings(JsonBody a) {
        if (a == null) {
            return null;
        }
        String kind = a.optionalString("decrementKind");
        String basis = a.optionalString("basis");
        String visibility = a.optionalString("visibility");
        return new AuctionSettings(
                a.keys().contains("ceiling") ? a.requiredMoney("ceiling").amount() : null,
                kind == null
                        ? null
                        : JsonBody.enumValue(Decrement.Kind.class, kind, "decrementKind"),
                a.keys().contains("decrementValue") ? a.requiredDecimal("decrementValue") : null,
                basis == null ? null : JsonBody.enumValue(AuctionRules.Basis.class, basis, "basis"),
                optionalInt(a, "windowMinutes"),
                optionalInt(a, "extensionMinutes"),
                optionalInt(a, "maxExtensions"),
                visibility == null
                        ? null
                        : JsonBody.enumValue(
                                AuctionRules.Visibility.class, visibility, "visibility"),
                optionalInt(a, "minBidders"),
                optionalInt(a, "durationMinutes"));
    }

    private static Integer optionalInt(JsonBody a, String field) {
        return a.keys().contains(field) ? a.requiredInt(field) : null;
    }

    static ProjectDraft draft(JsonBody json) {
        String method = json.optionalString("method");
        List<ProjectDraft.LotDraft> lots =
                json.keys().contains("lots")
                        ? json.objects("lots").stream()
                                .map(
                                        l -> {
                                            String security = l.optionalString("bidSecurity");
                                            BigDecimal amount =
                                                    security == null || security.isBlank()
                                                            ? null
                                                            : l.requiredMoney("bidSecurity")
                                                                    .amount();
                                            return new ProjectDraft.LotDraft(
                                                    l.requiredString("title"),
                                                    l.requiredLongs("requirementItemIds"),
                                                    amount,
                                                    l.optionalBoolean("smeOnly"),
                                                    l.optionalString("qualification"),
                                                    auctionSettings(l.optionalObject("auction")));
                                        })
                                .toList()
                        : null;
        return new ProjectDraft(
                json.requiredLongs("requirementIds"),
                json.requiredString("title"),
                json.optionalString("description"),
                method == null || method.isBlank()
                        ? null
                        : JsonBody.enumValue(ProcurementMethod.class, method, "method"),
                json.optionalString("methodReason"),
                json.optionalString("qualification"),
                json.optionalInstant("bidDeadline"),
                json.optionalInstant("auctionStart"),
                lots);
    }

    @GET
    @Path("projects")
    @AllowedRoles({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN", "SUPPLIER"})
    @Operation(summary = "Procurement projects the caller may see, newest first")
    public List<ProjectView> list(@QueryParam("state") String state) {
        return projects.list(
                state == null || state.isBlank()
                        ? null
                        : JsonBody.enumValue(ProjectState.class, state, "state"),
                500);
    }

    @POST
    @Path("projects")
    @AllowedRoles({"AGENCY", "PURCHASER"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Open a project from approved requirements (an agency, or a unit for its own"
                            + " decentralised plans)")
    public Response open(String body) {
        ProjectView p = projects.open(draft(JsonBody.parse(body)));
        return Response.created(URI.create("v1/projects/" + p.id())).entity(p).build();
    }

    @GET
    @Path("projects/{id}")
    @AllowedRoles({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN", "SUPPLIER"})
    @Operation(summary = "One project with its lots, documents and notices")
    public ProjectView get(@PathParam("id") long id) {
        return projects.get(id);
    }

    @PUT
    @Path("projects/{id}")
    @AllowedRoles({"AGENCY", "PURCHASER"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a draft project")
    public ProjectView update(@PathParam("id") long id, String body) {
        return projects.update(id, draft(JsonBody.parse(body)));
    }

    @POST
    @Path("projects/{id}/documents")
    @AllowedRoles({"AGENCY", "PURCHASER"})
    @Consumes("application/pdf")
    @Operation(summary = "Upload a procurement document: the PDF as the body, ?name=招标文件.pdf")
    public Response upload(@PathParam("id") long id, @QueryParam("name") String name, byte[] pdf) {
        ProjectView.DocumentView d = projects.addDocument(id, name, pdf);
        return Response.created(URI.create("v1/projects/" + id + "/documents/" + d.id()))
                .entity(d)
                .build();
    }

    @GET
    @Path("projects/{id}/documents/{documentId}")
    @AllowedRoles({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN", "SUPPLIER"})
    @Produces("application/pdf")
    @Operation(
            summary =
                    "Download a procurement document (each download recorded; SHA-256 in"
                            + " X-Content-SHA256)")
    public Response download(@PathParam("id") long id, @PathParam("documentId") long documentId) {
        Projects.DocumentContent c = projects.document(id, documentId);
        return PdfAttachment.response(c.bytes(), c.document().fileName(), c.document().sha256());
    }

    @POST
    @Path("projects/{id}/publish")
    @AllowedRoles({"AGENCY", "PURCHASER"})
    @Operation(
            summary =
                    "Publish the procurement notice; refused with the rule cited when the deadline"
                            + " leaves less than the statutory period")
    public ProjectView publish(@PathParam("id") long id) {
        return projects.publish(id);
    }

    @POST
    @Path("projects/{id}/corrections")
    @AllowedRoles({"AGENCY", "PURCHASER"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Publish a correction {\"rationale\",\"affectsBids\",\"newBidDeadline\"}; a"
                            + " correction too close to the deadline moves it")
    public ProjectView correct(@PathParam("id") long id, String body) {
        JsonBody json = JsonBody.parse(body);
        return projects.correct(
                id,
                json.optionalString("rationale"),
                json.optionalBoolean("affectsBids"),
                json.optionalInstant("newBidDeadline"));
    }

    @POST
    @Path("projects/{id}/termination")
    @AllowedRoles({"AGENCY", "PURCHASER"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish the termination notice {\"reason\"}")
    public ProjectView terminate(@PathParam("id") long id, String body) {
        return projects.terminate(id, JsonBody.parse(body).optionalString("reason"));
    }
}

package io.sunshine.procurement.requirement.boundary;

import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.JsonBody;
import io.sunshine.platform.boundary.Public;
import io.sunshine.procurement.requirement.control.ItemDraft;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.procurement.requirement.entity.RequirementState;
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
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Stage 1 over REST: requirements, plan approval, intention notices, the method rule table. */
@Path("v1")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RequirementResource {
    @EJB Requirements requirements;
    @EJB ProcurementRules rules;

    static RequirementDraft draft(JsonBody json) {
        String method = json.optionalString("method");
        List<ItemDraft> items =
                json.objects("items").stream()
                        .map(
                                i ->
                                        new ItemDraft(
                                                i.requiredString("catalogueCode"),
                                                i.requiredString("name"),
                                                i.optionalString("specification"),
                                                i.requiredDecimal("quantity"),
                                                i.requiredString("unit"),
                                                i.requiredMoney("unitPrice").amount()))
                        .toList();
        return new RequirementDraft(
                json.requiredString("title"),
                json.optionalString("summary"),
                json.optionalLong("budgetLineId"),
                method == null
                        ? null
                        : JsonBody.enumValue(ProcurementMethod.class, method, "method"),
                json.optionalString("methodReason"),
                json.optionalDate("plannedStart"),
                items);
    }

    @GET
    @Path("requirements")
    @AllowedRoles({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN"})
    @Operation(summary = "Requirements the caller may see (a unit its own)")
    public List<RequirementView> list(@QueryParam("state") String state) {
        return requirements.list(
                state == null || state.isBlank()
                        ? null
                        : JsonBody.enumValue(RequirementState.class, state, "state"));
    }

    @POST
    @Path("requirements")
    @AllowedRoles("PURCHASER")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a requirement against one of the unit's budget lines")
    public Response create(String body) {
        RequirementView r = requirements.create(draft(JsonBody.parse(body)));
        return Response.created(URI.create("v1/requirements/" + r.id())).entity(r).build();
    }

    @GET
    @Path("requirements/{id}")
    @AllowedRoles({"PURCHASER", "FINANCE", "AGENCY", "SUPERVISOR", "ADMIN"})
    @Operation(summary = "One requirement with its items and intention")
    public RequirementView get(@PathParam("id") long id) {
        return requirements.get(id);
    }

    @PUT
    @Path("requirements/{id}")
    @AllowedRoles("PURCHASER")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a draft or returned requirement")
    public RequirementView update(@PathParam("id") long id, String body) {
        return requirements.update(id, draft(JsonBody.parse(body)));
    }

    @POST
    @Path("requirements/{id}/submission")
    @AllowedRoles("PURCHASER")
    @Operation(summary = "Submit for approval: the total is frozen on the budget line")
    public RequirementView submit(@PathParam("id") long id) {
        return requirements.submit(id);
    }

    @POST
    @Path("requirements/{id}/approval")
    @AllowedRoles("FINANCE")
    @Operation(summary = "Approve the procurement plan (body optional: {\"note\": …})")
    public RequirementView approve(@PathParam("id") long id, String body) {
        String note =
                body == null || body.isBlank() ? null : JsonBody.parse(body).optionalString("note");
        return requirements.approve(id, note);
    }

    @POST
    @Path("requirements/{id}/return")
    @AllowedRoles("FINANCE")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return the plan with a reason; the freeze is released")
    public RequirementView returnPlan(@PathParam("id") long id, String body) {
        return requirements.returnPlan(id, JsonBody.parse(body).optionalString("reason"));
    }

    @POST
    @Path("requirements/{id}/cancellation")
    @AllowedRoles("PURCHASER")
    @Operation(summary = "Withdraw a requirement before approval; a freeze is released")
    public RequirementView cancel(@PathParam("id") long id) {
        return requirements.cancel(id);
    }

    @POST
    @Path("requirements/{id}/intention/publication")
    @AllowedRoles("PURCHASER")
    @Operation(
            summary =
                    "Publish the procurement intention, ≥ 30 days before the planned start"
                            + " (body optional: {\"plannedStart\": \"YYYY-MM-DD\"} moves it)")
    public RequirementView publish(@PathParam("id") long id, String body) {
        return requirements.publishIntention(
                id,
                body == null || body.isBlank()
                        ? null
                        : JsonBody.parse(body).optionalDate("plannedStart"));
    }

    @GET
    @Path("intentions")
    @Public
    @Operation(summary = "Published procurement intentions (public)")
    public List<RequirementView.Intention> intentions(@QueryParam("max") Integer max) {
        return requirements.publishedIntentions(max == null ? 100 : max);
    }

    @GET
    @Path("rules/procurement-methods")
    @Public
    @Operation(summary = "The procurement method rule table in force (public)")
    public List<ProcurementRules.Rule> rules() {
        return rules.rules();
    }

    @PUT
    @Path("rules/procurement-methods")
    @AllowedRoles("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change rules: {\"open-tender.threshold.A\": \"3000000.00\", …}")
    public List<ProcurementRules.Rule> changeRules(String body) {
        JsonBody json = JsonBody.parse(body);
        Map<String, String> changes = new LinkedHashMap<>();
        for (String key : json.keys()) {
            changes.put(key, json.requiredString(key));
        }
        rules.change(changes);
        return rules.rules();
    }
}

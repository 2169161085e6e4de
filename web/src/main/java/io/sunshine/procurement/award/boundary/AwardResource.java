package io.sunshine.procurement.award.boundary;

import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Stage 3 over REST: the awards the auctions' results prepared, and the publication of the award
 * notice. The roles below may call; who sees or publishes which award is decided per object in
 * {@link Awards} (anything else is "not found", audited).
 */
@Path("v1")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AwardResource {
    @EJB Awards awards;

    @GET
    @Path("awards")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Operation(
            summary =
                    "The awards of a project (?project=ID), by lot: the project's agency and buyer,"
                            + " FINANCE, SUPERVISOR and ADMIN see all; a supplier its own published"
                            + " ones")
    public List<AwardView> ofProject(@QueryParam("project") Long project) {
        if (project == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "project", "project");
        }
        return awards.ofProject(project);
    }

    @GET
    @Path("awards/{id}")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Operation(
            summary =
                    "One award: winner, amount in figures and capitals, ceiling, saving, state, the"
                            + " day the notice is due and, for the monitors, the ranking")
    public AwardView get(@PathParam("id") long id) {
        return awards.get(id);
    }

    @POST
    @Path("awards/{id}/publication")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Operation(
            summary =
                    "Publish the award notice (成交结果公告) of a prepared award: only the organisation"
                            + " managing the project, once (AWARD_ALREADY_PUBLISHED, 409)")
    public AwardView publish(@PathParam("id") long id) {
        return awards.publish(id);
    }
}

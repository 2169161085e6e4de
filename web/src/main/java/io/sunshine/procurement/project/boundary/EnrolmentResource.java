package io.sunshine.procurement.project.boundary;

import io.sunshine.platform.boundary.AllowedRoles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A supplier's enrolment (报名) in one lot of a project, and the list of enrolled suppliers for the
 * project's agency and buyer. Its own root path, more specific than any project path, so that it is
 * matched here whatever the project resource declares.
 */
@Path("v1/projects/{projectId}/lots/{lotNo}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {
    @EJB Enrolments enrolments;

    @POST
    @Path("enrolment")
    @AllowedRoles("SUPPLIER")
    @Operation(
            summary =
                    "Enrol the caller's organisation in the lot: 201 when enrolled now, 200 with"
                            + " the same enrolment when it already was")
    public Response enrol(@PathParam("projectId") long projectId, @PathParam("lotNo") int lotNo) {
        EnrolmentOutcome o = enrolments.enrol(projectId, lotNo);
        if (!o.created()) {
            return Response.ok(o.enrolment()).build();
        }
        return Response.created(
                        URI.create("v1/projects/" + projectId + "/lots/" + lotNo + "/enrolment"))
                .entity(o.enrolment())
                .build();
    }

    @DELETE
    @Path("enrolment")
    @AllowedRoles("SUPPLIER")
    @Operation(summary = "Withdraw the caller's enrolment, before the deadline only")
    public EnrolmentView withdraw(
            @PathParam("projectId") long projectId, @PathParam("lotNo") int lotNo) {
        return enrolments.withdraw(projectId, lotNo);
    }

    @GET
    @Path("enrolment")
    @AllowedRoles("SUPPLIER")
    @Operation(summary = "The caller's enrolment in the lot (404 when not enrolled)")
    public EnrolmentView mine(
            @PathParam("projectId") long projectId, @PathParam("lotNo") int lotNo) {
        return enrolments.mine(projectId, lotNo);
    }

    @GET
    @Path("enrolments")
    @AllowedRoles({"AGENCY", "PURCHASER", "SUPERVISOR"})
    @Operation(
            summary =
                    "The suppliers enrolled in the lot: for the project's agency and buyer from"
                            + " the deadline on (names of potential bidders are confidential"
                            + " before), for supervisors at any time")
    public LotEnrolmentsView enrolled(
            @PathParam("projectId") long projectId, @PathParam("lotNo") int lotNo) {
        return enrolments.enrolled(projectId, lotNo);
    }
}

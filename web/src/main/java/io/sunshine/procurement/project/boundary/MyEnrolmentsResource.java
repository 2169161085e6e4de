package io.sunshine.procurement.project.boundary;

import io.sunshine.platform.boundary.AllowedRoles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A supplier's own enrolments, across projects. */
@Path("v1/enrolments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyEnrolmentsResource {
    @EJB Enrolments enrolments;

    @GET
    @AllowedRoles("SUPPLIER")
    @Operation(summary = "The caller's organisation's enrolments, newest first")
    public List<EnrolmentView> mine() {
        return enrolments.mine();
    }

    @GET
    @Path("open-projects")
    @AllowedRoles("SUPPLIER")
    @Operation(summary = "Published projects whose deadline has not passed")
    public List<OpenProjectView> openProjects() {
        return enrolments.openProjects();
    }
}

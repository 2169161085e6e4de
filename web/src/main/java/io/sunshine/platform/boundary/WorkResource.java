package io.sunshine.platform.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's open work items, soonest deadline first. */
@Path("v1/my/work")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkResource {
    @EJB WorkQueue work;
    @EJB Directory directory;

    @GET
    @AllowedRoles("**")
    @Operation(summary = "What waits for me")
    public List<WorkQueue.Item> mine(@Context SecurityContext security) {
        Account a =
                directory
                        .findAccount(security.getUserPrincipal().getName())
                        .orElseThrow(() -> new Refusal(ProblemCode.TOKEN_INVALID, null));
        return work.openFor(a.id(), a.organisationId(), a.roleNames());
    }
}

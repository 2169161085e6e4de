package io.sunshine.supervision.boundary;

import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.supervision.control.ChainVerifier.Verdict;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit trail for supervisors: read it, and verify its hash chain. */
@Path("v1/audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles({"SUPERVISOR", "ADMIN"})
public class AuditResource {
    @EJB AuditTrail audit;

    /** A page of the trail. */
    public record Page(long total, int first, List<AuditEntryView> entries) {}

    /** The verification result. */
    public record Verification(
            boolean intact, long rowsChecked, Long firstBrokenSeq, String reason) {}

    @GET
    @Operation(summary = "Audit entries, newest first, filtered by actor and/or action")
    public Page entries(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        return new Page(audit.count(actor, action), first, audit.search(actor, action, first, max));
    }

    @GET
    @Path("verification")
    @Operation(summary = "Verify the hash chain; names the first broken row")
    public Verification verify() {
        Verdict v = audit.verify();
        return new Verification(
                v.intact(),
                v.rowsChecked(),
                v.firstBrokenSeq(),
                v.reason() == null ? null : v.reason().name());
    }
}

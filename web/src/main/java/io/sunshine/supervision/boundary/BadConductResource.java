package io.sunshine.supervision.boundary;

import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.JsonBody;
import io.sunshine.platform.boundary.Public;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The bad-conduct list (政府采购严重违法失信行为记录名单) over REST. Reading the entries in force is public: a
 * barred supplier's name, decision and period are published so that every buyer and agency can
 * check them (the list exists to keep barred suppliers out, which only works if it is known). The
 * history (lifted and expired entries, who entered and lifted them) is for supervisors and
 * administrators; every change is a supervisor's.
 */
@Path("v1/bad-conduct")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BadConductResource {
    @EJB BadConduct badConduct;

    @GET
    @Public
    @Operation(summary = "The entries in force today (public information)")
    public List<BadConductView> inForce() {
        return badConduct.inForce();
    }

    @GET
    @Path("history")
    @AllowedRoles({"SUPERVISOR", "ADMIN"})
    @Operation(summary = "Every entry ever made, with who listed and lifted it")
    public List<BadConductView> history() {
        return badConduct.history();
    }

    @POST
    @AllowedRoles("SUPERVISOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "List a supplier: {supplierId, decisionReference, reason, startsOn, endsOn};"
                            + " the ban lasts one to three years (Law art. 77), both dates"
                            + " included")
    public Response list(String body) {
        JsonBody json = JsonBody.parse(body);
        BadConductView v =
                badConduct.list(
                        json.requiredLong("supplierId"),
                        json.optionalString("decisionReference"),
                        json.optionalString("reason"),
                        date(json, "startsOn"),
                        date(json, "endsOn"));
        return Response.created(URI.create("v1/bad-conduct/" + v.id())).entity(v).build();
    }

    @POST
    @Path("{id}/lift")
    @AllowedRoles("SUPERVISOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lift an entry in force early: {reason}")
    public BadConductView lift(@PathParam("id") long id, String body) {
        return badConduct.lift(id, JsonBody.parse(body).optionalString("reason"));
    }

    private static LocalDate date(JsonBody json, String field) {
        LocalDate d = json.optionalDate(field);
        if (d == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, field, field);
        }
        return d;
    }
}

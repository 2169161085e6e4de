package io.sunshine.procurement.auction.boundary;

import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.JsonBody;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Stage 3 over REST for supplier systems and monitors: bids and the auction's visible state. */
@Path("v1")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuctionResource {
    @EJB Auctions auctions;
    @EJB Bidding bidding;

    @GET
    @Path("auctions")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Operation(summary = "The auctions of a project (?project=ID), one per lot")
    public java.util.List<AuctionView> ofProject(
            @jakarta.ws.rs.QueryParam("project") Long project) {
        if (project == null) {
            throw new Refusal(
                    io.sunshine.platform.control.ProblemCode.PARAMETER_MISSING,
                    "project",
                    "project");
        }
        return auctions.ofProject(project).stream().map(auctions::get).toList();
    }

    @GET
    @Path("auctions/{id}")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Operation(summary = "The auction as the caller may see it (server time included)")
    public AuctionView get(@PathParam("id") long id) {
        return auctions.get(id);
    }

    @POST
    @Path("auctions/{id}/bids")
    @AllowedRoles("SUPPLIER")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Bid {\"amount\": \"98500.00\"} (a string decimal); an Idempotency-Key header"
                            + " (or \"clientKey\") makes a retry return the first answer. 201 with"
                            + " rank and best price, or a problem with a stable code; a refused"
                            + " bid is logged and audited")
    public Response bid(
            @PathParam("id") long id, @HeaderParam("Idempotency-Key") String key, String body) {
        JsonBody json = JsonBody.parse(body);
        String amount = json.keys().contains("amount") ? json.rawText("amount") : null;
        String clientKey = key != null ? key : json.optionalString("clientKey");
        BidAnswer a = bidding.bid(id, amount, clientKey);
        if (!a.accepted()) {
            // the refusal is already in the auction's log and the audit trail (committed)
            throw new Refusal(a.code(), a.field(), a.args().toArray());
        }
        return Response.status(a.repeated() ? 200 : 201).entity(a).build();
    }
}

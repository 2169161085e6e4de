package io.sunshine.procurement.auction.boundary;

import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.PdfAttachment;
import io.sunshine.platform.control.Jsonp;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The auction's audit document and bid log for its monitors (the project's agency and buyer,
 * SUPERVISOR, FINANCE, ADMIN); anyone else is told the auction is not found.
 */
@Path("v1")
@ApplicationScoped
public class AuctionAuditResource {
    @EJB AuctionAudit audit;

    @GET
    @Path("auctions/{id}/audit.pdf")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Produces("application/pdf")
    @Operation(
            summary =
                    "The auction's audit document (网上竞价过程记录, PDF made once at the close; its"
                        + " SHA-256 in X-Content-SHA256). 409 AUCTION_AUDIT_NOT_READY before the"
                        + " close")
    public Response document(@PathParam("id") long id) {
        AuctionAudit.Pdf pdf = audit.document(id);
        return PdfAttachment.response(pdf.bytes(), pdf.fileName(), pdf.sha256());
    }

    @GET
    @Path("auctions/{id}/log")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Every entry of the bid log (accepted or refused) with its hash; \"at\" is the"
                            + " instant exactly as hashed, so a client can recompute the chain from"
                            + " the genesis")
    public AuctionAudit.LogView log(@PathParam("id") long id) {
        return audit.log(id);
    }

    @GET
    @Path("auctions/{id}/log/verification")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Recomputes the bid log's hash chain from the database and re-hashes the stored"
                            + " audit document: intact, entries, lastHash, brokenAt (seq or null),"
                            + " documentSha256 (null before the close), documentIntact")
    public Response verification(@PathParam("id") long id) {
        AuctionAudit.Verification v = audit.verification(id);
        JsonObjectBuilder b =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("auctionId", v.auctionId())
                        .add("intact", v.intact())
                        .add("entries", v.entries())
                        .add("recordedCount", v.recordedCount())
                        .add("lastHash", v.lastHash());
        if (v.brokenAt() == null) {
            b.addNull("brokenAt");
        } else {
            b.add("brokenAt", v.brokenAt());
        }
        if (v.documentSha256() == null) {
            b.addNull("documentSha256");
        } else {
            b.add("documentSha256", v.documentSha256());
        }
        JsonObject body = b.add("documentIntact", v.documentIntact()).build();
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON).build();
    }
}

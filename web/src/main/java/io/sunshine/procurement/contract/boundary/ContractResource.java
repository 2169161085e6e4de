package io.sunshine.procurement.contract.boundary;

import io.sunshine.directory.control.SignatureReport;
import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.JsonBody;
import io.sunshine.platform.boundary.PdfAttachment;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
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
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Stage 4 over REST: contracts drafted from published awards, their terms, the two signatures, the
 * verification, FINANCE's review and filing, the contract notice and the PDF. The roles below may
 * call; who sees or does what with which contract is decided per object in {@link Contracts}
 * (anything else is "not found", audited).
 */
@Path("v1")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ContractResource {
    @EJB Contracts contracts;

    @GET
    @Path("contracts")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Operation(
            summary =
                    "Every version of the contract of an award (?award=ID), oldest first; without"
                            + " it the caller's contracts, newest first (all for FINANCE,"
                            + " SUPERVISOR, ADMIN)")
    public List<ContractView> list(@QueryParam("award") Long award) {
        return award == null ? contracts.mine(200) : contracts.ofAward(award);
    }

    @POST
    @Path("contracts")
    @AllowedRoles("PURCHASER")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Draft the contract of a published award ({\"awardId\": …}), by the buyer: the"
                        + " parties, the lot's items at the bid price, the template's terms. 409"
                        + " CONTRACT_EXISTS unless the last version was returned")
    public Response draft(String body) {
        ContractView v = contracts.draft(JsonBody.parse(body).requiredLong("awardId"));
        return Response.created(URI.create("v1/contracts/" + v.id())).entity(v).build();
    }

    @GET
    @Path("contracts/{id}")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Operation(
            summary =
                    "One contract version: parties, items, amount in figures and capitals, terms,"
                            + " state, deadlines, signatures and what the caller may do now")
    public ContractView get(@PathParam("id") long id) {
        return contracts.get(id);
    }

    @PUT
    @Path("contracts/{id}/terms")
    @AllowedRoles("PURCHASER")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Change the negotiable terms of a draft nobody has signed (the buyer):"
                        + " delivery, acceptance, warranty, milestones (percentages summing to"
                        + " 100), performance bond (≤ 10 %), dispute resolution. Price and items"
                        + " never change")
    public ContractView amend(@PathParam("id") long id, String body) {
        return contracts.amend(id, ContractTermsBody.terms(JsonBody.parse(body)));
    }

    @POST
    @Path("contracts/{id}/signatures")
    @AllowedRoles({"PURCHASER", "SUPPLIER"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Sign for the caller's organisation ({\"password\": …}: the caller's sign-in"
                            + " password, entered again). A wrong password is refused and audited")
    public ContractView sign(@PathParam("id") long id, String body) {
        JsonBody json = JsonBody.parse(body);
        String password = json.optionalString("password");
        return contracts.sign(id, password == null ? null : password.toCharArray());
    }

    @GET
    @Path("contracts/{id}/verification")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Operation(
            summary =
                    "The platform's verifier on the current PDF: each signature's signer, time,"
                            + " validity, trust and whether the document was modified after it")
    public List<SignatureReport> verification(@PathParam("id") long id) {
        return contracts.verify(id);
    }

    @POST
    @Path("contracts/{id}/review")
    @AllowedRoles("FINANCE")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "FINANCE's review (审验) of a signed contract: {\"decision\": \"FILE\"} files it"
                            + " (备案; both signatures must verify), {\"decision\": \"RETURN\","
                            + " \"reasons\": …} returns it for a new version")
    public ContractView review(@PathParam("id") long id, String body) {
        JsonBody json = JsonBody.parse(body);
        String decision = json.requiredString("decision");
        if (!decision.equals("FILE") && !decision.equals("RETURN")) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "decision", "FILE, RETURN");
        }
        return contracts.review(id, decision.equals("FILE"), json.optionalString("reasons"));
    }

    @POST
    @Path("contracts/{id}/notice")
    @AllowedRoles("PURCHASER")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Publish the contract notice (合同公告) of a signed contract, by the buyer;"
                        + " {\"withheld\": [\"items\", \"period\"]} withholds those as commercial"
                        + " secrets (published as withheld)")
    public ContractView notice(@PathParam("id") long id, String body) {
        JsonBody json = JsonBody.parse(body == null || body.isBlank() ? "{}" : body);
        List<String> withheld =
                json.keys().contains("withheld") ? json.requiredStrings("withheld") : List.of();
        return contracts.publishNotice(id, new LinkedHashSet<>(withheld));
    }

    @GET
    @Path("contracts/{id}/pdf")
    @AllowedRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    @Produces("application/pdf")
    @Operation(
            summary =
                    "The contract's current PDF (the draft, or as signed so far); its SHA-256 in"
                            + " X-Content-SHA256")
    public Response pdf(@PathParam("id") long id) {
        Contracts.Pdf pdf = contracts.pdf(id);
        return PdfAttachment.response(pdf.bytes(), pdf.fileName(), pdf.sha256());
    }
}

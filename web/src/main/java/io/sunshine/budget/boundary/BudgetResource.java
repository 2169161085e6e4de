package io.sunshine.budget.boundary;

import io.sunshine.budget.entity.FundingSource;
import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.JsonBody;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Budget lines and their ledger. */
@Path("v1/budget/lines")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @EJB Budget budget;

    @GET
    @AllowedRoles({"FINANCE", "PURCHASER", "SUPERVISOR", "ADMIN"})
    @Operation(summary = "Budget lines with balances: all for FINANCE, a unit's own for PURCHASER")
    public List<BudgetLineView> lines(@QueryParam("year") Integer year) {
        return budget.lines(year);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    @AllowedRoles({"FINANCE", "PURCHASER", "SUPERVISOR", "ADMIN"})
    @Operation(summary = "The same list as an Excel workbook")
    public Response export(@QueryParam("year") Integer year, @Context HttpHeaders headers) {
        Locale locale =
                headers.getAcceptableLanguages().stream()
                        .filter(l -> l.getLanguage().equals("en"))
                        .findFirst()
                        .orElse(Locale.SIMPLIFIED_CHINESE);
        byte[] bytes = BudgetExport.workbook(budget.lines(year), locale);
        return Response.ok(bytes, XLSX)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"budget-lines.xlsx\"; filename*=UTF-8''"
                                + BudgetExport.fileName(locale))
                .build();
    }

    @POST
    @AllowedRoles("FINANCE")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a budget line with its approved amount")
    public Response create(String body) {
        JsonBody json = JsonBody.parse(body);
        BudgetLineView line =
                budget.createLine(
                        new NewBudgetLine(
                                json.requiredInt("fiscalYear"),
                                json.requiredString("code"),
                                json.requiredString("name"),
                                json.requiredLong("unitId"),
                                json.requiredString("functionalCode"),
                                json.requiredString("economicCode"),
                                JsonBody.enumValue(
                                        FundingSource.class,
                                        json.requiredString("fundingSource"),
                                        "fundingSource"),
                                json.requiredMoney("approved")));
        return Response.created(URI.create("v1/budget/lines/" + line.id())).entity(line).build();
    }

    @GET
    @Path("{id}")
    @AllowedRoles({"FINANCE", "PURCHASER", "SUPERVISOR", "ADMIN"})
    @Operation(summary = "One line with every movement")
    public Budget.LineDetail line(@PathParam("id") long id) {
        return budget.line(id);
    }

    /** Direction and amount of a change of the approved amount, with its reason. */
    public enum Direction {
        INCREASE,
        DECREASE
    }

    @POST
    @Path("{id}/adjustments")
    @AllowedRoles("FINANCE")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise or lower the approved amount (with a reason)")
    public BudgetLineView adjust(@PathParam("id") long id, String body) {
        JsonBody json = JsonBody.parse(body);
        Direction d =
                JsonBody.enumValue(Direction.class, json.requiredString("direction"), "direction");
        return budget.adjust(
                id,
                d == Direction.INCREASE,
                json.requiredMoney("amount"),
                json.optionalString("reason"));
    }

    /** The result of re-deriving a line's ledger. */
    public record Verification(boolean consistent, Integer firstInconsistentEntry) {}

    @GET
    @Path("{id}/verification")
    @AllowedRoles({"FINANCE", "SUPERVISOR", "ADMIN"})
    @Operation(summary = "Re-derive every entry's balances from the movements before it")
    public Verification verify(@PathParam("id") long id) {
        Integer first = budget.verify(id).orElse(null);
        return new Verification(first == null, first);
    }
}

package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.Role;
import io.sunshine.directory.entity.SizeClass;
import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.JsonBody;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Organisations and users, for administrators (and, read-only, supervisors). */
@Path("v1")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {
    @EJB Directory directory;

    /** A user as the API shows it. */
    public record UserJson(
            long id,
            String username,
            String displayName,
            long organisationId,
            String organisation,
            Set<String> roles,
            boolean active,
            String lockedUntil) {
        static UserJson of(Account a) {
            return new UserJson(
                    a.id(),
                    a.username(),
                    a.displayName(),
                    a.organisationId(),
                    a.organisationName(),
                    a.roleNames(),
                    a.active(),
                    a.lockedUntil() == null ? null : a.lockedUntil().toString());
        }
    }

    @GET
    @Path("organisations")
    @AllowedRoles({"ADMIN", "SUPERVISOR"})
    @Operation(summary = "All organisations with their user counts")
    public List<OrganisationView> organisations() {
        return directory.organisations();
    }

    @POST
    @Path("organisations")
    @AllowedRoles("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an organisation")
    public Response createOrganisation(String body) {
        JsonBody json = JsonBody.parse(body);
        String size = json.optionalString("sizeClass");
        OrganisationView o =
                directory.createOrganisation(
                        json.requiredString("name"),
                        JsonBody.enumValue(
                                OrganisationType.class, json.requiredString("type"), "type"),
                        json.optionalString("creditCode"),
                        size == null
                                ? null
                                : JsonBody.enumValue(SizeClass.class, size, "sizeClass"));
        return Response.status(Response.Status.CREATED).entity(o).build();
    }

    @GET
    @Path("organisations/{id}/details")
    @AllowedRoles({"ADMIN", "PURCHASER", "AGENCY", "SUPPLIER", "FINANCE", "SUPERVISOR"})
    @Operation(
            summary =
                    "What contracts print about an organisation (address, legal representative,"
                            + " telephone, bank account): ADMIN, or a user of that organisation")
    public Directory.Details details(@PathParam("id") long id) {
        return directory.details(id);
    }

    @PUT
    @Path("organisations/{id}/details")
    @AllowedRoles({"ADMIN", "PURCHASER", "AGENCY", "SUPPLIER", "FINANCE", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Set what contracts print about an organisation: {\"address\","
                            + " \"legalRepresentative\", \"phone\", \"bankName\","
                            + " \"bankAccountName\", \"bankAccountNumber\"} (a field left out keeps"
                            + " its value); ADMIN, or a user of that organisation")
    public Directory.Details describe(@PathParam("id") long id, String body) {
        JsonBody json = JsonBody.parse(body);
        return directory.describe(
                id,
                json.optionalString("address"),
                json.optionalString("legalRepresentative"),
                json.optionalString("phone"),
                json.optionalString("bankName"),
                json.optionalString("bankAccountName"),
                json.optionalString("bankAccountNumber"));
    }

    @GET
    @Path("users")
    @AllowedRoles({"ADMIN", "SUPERVISOR"})
    @Operation(summary = "All users")
    public List<UserJson> users() {
        return directory.users().stream().map(UserJson::of).toList();
    }

    @POST
    @Path("users")
    @AllowedRoles("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user with roles its organisation's type allows")
    public Response createUser(String body) {
        JsonBody json = JsonBody.parse(body);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : json.requiredStrings("roles")) {
            roles.add(JsonBody.enumValue(Role.class, r, "roles"));
        }
        Account a =
                directory.createUser(
                        json.requiredString("username"),
                        json.requiredString("displayName"),
                        json.requiredLong("organisationId"),
                        roles,
                        json.requiredString("password").toCharArray());
        return Response.status(Response.Status.CREATED).entity(UserJson.of(a)).build();
    }

    @POST
    @Path("users/{username}/unlock")
    @AllowedRoles("ADMIN")
    @Operation(summary = "Lift a sign-in lock before it runs out")
    public UserJson unlock(@PathParam("username") String username) {
        return UserJson.of(directory.unlock(username));
    }
}

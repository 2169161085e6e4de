package io.sunshine.directory.boundary;

import io.sunshine.directory.control.SignatureReport;
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
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Organisation certificates, the platform CA's root, and the verification of signed PDFs.
 *
 * <p>Importing a PKCS#12 file takes JSON, the file in Base64 beside its password:
 *
 * <pre>{@code
 * POST /api/v1/organisations/42/certificate/pkcs12
 * {"pkcs12": "MIIKcQIBAzCC…", "password": "from the CA"}
 * }</pre>
 *
 * (JSON rather than multipart: the file is small, at most 64 KiB, and the password travels in the
 * same TLS-protected body rather than in a form part a proxy might log.)
 */
@Path("v1")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {
    @EJB Certificates certificates;

    @GET
    @Path("ca/root.pem")
    @Public
    @Produces("application/x-pem-file")
    @Operation(summary = "The platform CA's root certificate, to install as trusted for checking")
    public Response rootPem() {
        return Response.ok(certificates.rootCertificatePem())
                .header("Content-Disposition", "attachment; filename=\"sunshine-root-ca.pem\"")
                .build();
    }

    @GET
    @Path("organisations/{id}/certificate")
    @AllowedRoles("**")
    @Operation(summary = "The organisation's signing certificate in force (never its key)")
    public CertificateView current(@PathParam("id") long id) {
        return certificates
                .current(id)
                .orElseThrow(
                        () ->
                                new Refusal(
                                        ProblemCode.CERTIFICATE_NOT_FOUND,
                                        null,
                                        String.valueOf(id)));
    }

    @POST
    @Path("organisations/{id}/certificate")
    @AllowedRoles("ADMIN")
    @Operation(
            summary =
                    "Issue a platform certificate to the organisation (replaces the one in force)")
    public Response issue(@PathParam("id") long id) {
        return Response.status(Response.Status.CREATED).entity(certificates.issue(id)).build();
    }

    @POST
    @Path("organisations/{id}/certificate/pkcs12")
    @AllowedRoles("**")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Import an outside CA's certificate and key: {\"pkcs12\": Base64 of the .p12,"
                            + " \"password\": …} (an administrator, or a user of the organisation)")
    public Response importPkcs12(@PathParam("id") long id, String body) {
        JsonBody json = JsonBody.parse(body);
        byte[] p12;
        try {
            p12 = Base64.getMimeDecoder().decode(json.requiredString("pkcs12"));
        } catch (IllegalArgumentException e) {
            throw new Refusal(ProblemCode.PKCS12_UNREADABLE, "pkcs12", "not Base64");
        }
        String password = json.optionalString("password");
        CertificateView v =
                certificates.importPkcs12(
                        id, p12, password == null ? new char[0] : password.toCharArray());
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    @POST
    @Path("signatures/verification")
    @AllowedRoles("**")
    @Consumes("application/pdf")
    @Operation(
            summary =
                    "Check every signature of a PDF (the body): valid, trusted, covering the whole"
                            + " document, modified after signing")
    public List<SignatureReport> verify(byte[] pdf) {
        return certificates.verify(pdf);
    }
}

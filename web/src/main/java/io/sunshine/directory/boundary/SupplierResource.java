package io.sunshine.directory.boundary;

import io.sunshine.directory.control.SizeDeclaration;
import io.sunshine.directory.control.SupplierApplication;
import io.sunshine.directory.entity.DocumentKind;
import io.sunshine.directory.entity.RegistrationStatus;
import io.sunshine.directory.entity.SizeClass;
import io.sunshine.platform.boundary.AllowedRoles;
import io.sunshine.platform.boundary.JsonBody;
import io.sunshine.platform.boundary.PdfAttachment;
import io.sunshine.platform.boundary.Public;
import io.sunshine.platform.control.PdfUpload;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The supplier registry over REST: a supplier registers itself without signing in, uploads its
 * qualification PDFs as {@code multipart/form-data} (fields {@code kind} and {@code file}), and
 * reads its own registration; agencies and administrators verify or reject it; the finance bureau
 * and supervisors read. Object-level checks live in {@link SupplierRegistry}: a supplier asking for
 * another supplier is refused 403 and audited.
 *
 * <pre>{@code
 * POST /api/v1/suppliers  {"name":"滨江科技有限公司","creditCode":"91…","legalRepresentative":"王伟",
 *   "contactName":"李娜","contactPhone":"13812345678","contactEmail":"li@example.com",
 *   "sizeClass":"SMALL","bankName":"中国工商银行滨江支行","bankAccountName":"滨江科技有限公司",
 *   "bankAccountNumber":"1202021209001234567","sizeDeclarationAccepted":true,
 *   "username":"binjiang","displayName":"王伟","password":"…"}
 * → 201 Location: /api/v1/suppliers/150
 * }</pre>
 */
@Path("v1/suppliers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SupplierResource {

    @EJB SupplierRegistry registry;
    @Context UriInfo uri;

    /** The size declaration for given details, as a registrant is shown it. */
    public record DeclarationJson(String version, String text) {}

    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "A supplier registers itself and its first user (no sign-in); pending until"
                            + " verified")
    public Response register(String body) {
        JsonBody json = JsonBody.parse(body);
        SupplierApplication application = application(json);
        SupplierView s =
                registry.register(
                        application,
                        json.requiredString("username"),
                        json.requiredString("displayName"),
                        json.requiredString("password").toCharArray());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(s.id())).build())
                .entity(s)
                .build();
    }

    @GET
    @Path("size-declaration")
    @Public
    @Operation(summary = "The enterprise size declaration (财库〔2020〕46号) a registrant accepts")
    public DeclarationJson sizeDeclaration(
            @QueryParam("name") String name,
            @QueryParam("creditCode") String creditCode,
            @QueryParam("sizeClass") String sizeClass) {
        if (sizeClass == null || sizeClass.isBlank()) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "sizeClass", "sizeClass");
        }
        return new DeclarationJson(
                SizeDeclaration.VERSION,
                registry.sizeDeclaration(
                        name,
                        creditCode,
                        JsonBody.enumValue(SizeClass.class, sizeClass, "sizeClass")));
    }

    @GET
    @AllowedRoles({"AGENCY", "ADMIN", "FINANCE", "SUPERVISOR"})
    @Operation(summary = "Every supplier, or those of one status (PENDING, VERIFIED, REJECTED)")
    public List<SupplierView> suppliers(@QueryParam("status") String status) {
        return registry.suppliers(
                status == null || status.isBlank()
                        ? null
                        : JsonBody.enumValue(RegistrationStatus.class, status, "status"));
    }

    @GET
    @Path("{id}")
    @AllowedRoles({"SUPPLIER", "AGENCY", "ADMIN", "FINANCE", "SUPERVISOR"})
    @Operation(summary = "One supplier's registration (a supplier sees only itself)")
    public SupplierView supplier(@PathParam("id") long id) {
        return registry.supplier(id);
    }

    @PUT
    @Path("{id}")
    @AllowedRoles("SUPPLIER")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A rejected supplier corrects its registration and resubmits it")
    public SupplierView resubmit(@PathParam("id") long id, String body) {
        return registry.resubmit(id, application(JsonBody.parse(body)));
    }

    @GET
    @Path("{id}/documents")
    @AllowedRoles({"SUPPLIER", "AGENCY", "ADMIN", "FINANCE", "SUPERVISOR"})
    @Operation(summary = "A supplier's qualification documents")
    public List<DocumentView> documents(@PathParam("id") long id) {
        return registry.documents(id);
    }

    @POST
    @Path("{id}/documents")
    @AllowedRoles("SUPPLIER")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary =
                    "Upload a qualification PDF: multipart fields kind (LICENCE, CERTIFICATE,"
                            + " OTHER) and file")
    public Response upload(@PathParam("id") long id, List<EntityPart> parts) {
        String kind = null;
        String fileName = null;
        byte[] content = null;
        boolean fileSeen = false;
        for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
            try {
                if ("kind".equals(part.getName())) {
                    kind = part.getContent(String.class);
                } else if ("file".equals(part.getName())) {
                    fileSeen = true;
                    fileName = part.getFileName().map(SupplierResource::utf8).orElse(null);
                    content = readAtMost(part.getContent(), registry.maxDocumentBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (kind == null || kind.isBlank()) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "kind", "kind");
        }
        if (!fileSeen) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "file", "file");
        }
        DocumentView d =
                registry.addDocument(
                        id,
                        JsonBody.enumValue(DocumentKind.class, kind, "kind"),
                        fileName,
                        content);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(d.id())).build())
                .entity(d)
                .build();
    }

    @GET
    @Path("{id}/documents/{documentId}")
    @AllowedRoles({"SUPPLIER", "AGENCY", "ADMIN", "FINANCE", "SUPERVISOR"})
    @Produces("application/pdf")
    @Operation(
            summary =
                    "Download a qualification document (object-level checked; SHA-256 in"
                            + " X-Content-SHA256)")
    public Response download(@PathParam("id") long id, @PathParam("documentId") long documentId) {
        DocumentView.Content c = registry.document(id, documentId);
        return PdfAttachment.response(c.bytes(), c.document().fileName(), c.document().sha256());
    }

    @POST
    @Path("{id}/verification")
    @AllowedRoles({"AGENCY", "ADMIN"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Verify or reject a pending registration: {\"decision\":\"VERIFIED\"|"
                            + "\"REJECTED\",\"reason\":\"…\"} (reason required to reject)")
    public SupplierView decide(@PathParam("id") long id, String body) {
        JsonBody json = JsonBody.parse(body);
        return registry.decide(
                id,
                JsonBody.enumValue(
                        RegistrationStatus.class, json.requiredString("decision"), "decision"),
                json.optionalString("reason"));
    }

    private static SupplierApplication application(JsonBody json) {
        String size = json.requiredString("sizeClass");
        return new SupplierApplication(
                json.requiredString("name"),
                json.requiredString("creditCode"),
                json.requiredString("legalRepresentative"),
                json.requiredString("contactName"),
                json.requiredString("contactPhone"),
                json.requiredString("contactEmail"),
                JsonBody.enumValue(SizeClass.class, size, "sizeClass"),
                json.requiredString("bankName"),
                json.requiredString("bankAccountName"),
                json.requiredString("bankAccountNumber"),
                json.optionalBoolean("sizeDeclarationAccepted"));
    }

    /** The content, or DOCUMENT_TOO_LARGE as soon as it passes the limit (never read whole). */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > max) {
                throw PdfUpload.tooLarge(max);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * A multipart file name as the client wrote it. Browsers (HTML5) and curl send the name's UTF-8
     * bytes raw in the header, which the framework decodes as ISO-8859-1: those bytes are decoded
     * again as UTF-8 when they are valid UTF-8, so 营业执照.pdf stays 营业执照.pdf.
     */
    static String utf8(String headerValue) {
        if (headerValue.chars().anyMatch(c -> c > 0xff)
                || headerValue.chars().allMatch(c -> c < 0x80)) {
            return headerValue;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(headerValue.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return headerValue;
        }
    }
}

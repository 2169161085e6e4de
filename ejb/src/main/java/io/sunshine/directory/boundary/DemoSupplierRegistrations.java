package io.sunshine.directory.boundary;

import io.sunshine.directory.control.PasswordHasher;
import io.sunshine.directory.control.SizeDeclaration;
import io.sunshine.directory.control.SupplierApplication;
import io.sunshine.directory.entity.AppUser;
import io.sunshine.directory.entity.DocumentKind;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.QualificationDocument;
import io.sunshine.directory.entity.Role;
import io.sunshine.directory.entity.SizeClass;
import io.sunshine.directory.entity.SupplierRegistration;
import io.sunshine.platform.boundary.DemoDataRequested;
import io.sunshine.platform.boundary.WorkQueue;
import io.sunshine.platform.control.DocumentStore;
import io.sunshine.supervision.boundary.AuditTrail;
import io.sunshine.supervision.boundary.AuditTrail.Actor;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The supplier registry's part of the demo data: suppliers that registered themselves and wait for
 * the agency's review, each with its user and qualification documents (small generated PDFs), so
 * that the review page has work. Loaded after the demo accounts; a supplier whose credit code is
 * already registered is left as it is.
 */
@Stateless
public class DemoSupplierRegistrations {
    private static final Logger LOG = Logger.getLogger(DemoSupplierRegistrations.class.getName());

    @PersistenceContext EntityManager em;
    @EJB AuditTrail audit;
    @EJB WorkQueue work;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "sunshine.storage.dir")
    Optional<String> storageDir;

    public void load(@Observes @Priority(200) DemoDataRequested event) {
        JsonArray pending = event.data().getJsonArray("pendingSuppliers");
        if (pending == null) {
            return;
        }
        char[] password = event.data().getString("password").toCharArray();
        DocumentStore store = SupplierRegistry.store(storageDir);
        List<String> written = new ArrayList<>();
        try {
            for (JsonValue v : pending) {
                JsonObject s = v.asJsonObject();
                if (alreadyRegistered(s.getString("creditCode"))) {
                    continue;
                }
                register(s, password, store, written);
            }
        } catch (RuntimeException e) {
            written.forEach(store::delete);
            throw e;
        }
    }

    private boolean alreadyRegistered(String creditCode) {
        return em.createQuery(
                                "SELECT COUNT(o) FROM Organisation o WHERE o.creditCode = :c",
                                Long.class)
                        .setParameter("c", creditCode)
                        .getSingleResult()
                > 0;
    }

    private void register(
            JsonObject s, char[] password, DocumentStore store, List<String> written) {
        Instant now = clock.instant();
        SupplierApplication a =
                new SupplierApplication(
                                s.getString("name"),
                                s.getString("creditCode"),
                                s.getString("legalRepresentative"),
                                s.getString("contactName"),
                                s.getString("contactPhone"),
                                s.getString("contactEmail"),
                                SizeClass.valueOf(s.getString("sizeClass")),
                                s.getString("bankName"),
                                s.getString("bankAccountName"),
                                s.getString("bankAccountNumber"),
                                true)
                        .validated();
        Organisation o =
                Organisation.selfRegisteredSupplier(a.name(), a.creditCode(), a.sizeClass(), now);
        em.persist(o);
        em.persist(
                new SupplierRegistration(
                        o,
                        a,
                        SizeDeclaration.text(a.name(), a.creditCode(), a.sizeClass()),
                        SizeDeclaration.VERSION,
                        null,
                        now));
        JsonObject u = s.getJsonObject("user");
        em.persist(
                new AppUser(
                        u.getString("username"),
                        u.getString("name"),
                        o,
                        Set.of(Role.SUPPLIER),
                        new PasswordHasher().hash(password.clone()),
                        now));
        for (JsonValue d : s.getJsonArray("documents")) {
            JsonObject doc = d.asJsonObject();
            byte[] pdf = samplePdf(doc.getString("title"));
            DocumentStore.Stored stored = store.put(pdf);
            written.add(stored.storageName());
            em.persist(
                    new QualificationDocument(
                            o,
                            DocumentKind.valueOf(doc.getString("kind")),
                            doc.getString("fileName"),
                            stored.storageName(),
                            stored.size(),
                            stored.sha256(),
                            u.getString("username"),
                            now));
        }
        em.flush();
        String id = String.valueOf(o.getId());
        audit.recordFor(
                new Actor(u.getString("username"), Role.SUPPLIER.name(), o.getName()),
                "SUPPLIER_REGISTERED",
                SupplierRegistry.SUBJECT,
                id,
                null,
                "name=" + o.getName() + "; demo");
        work.add(
                Role.AGENCY.name(),
                null,
                null,
                SupplierRegistry.WORK_REVIEW,
                SupplierRegistry.SUBJECT,
                id,
                "供应商注册待审核：" + o.getName(),
                null);
        LOG.info(() -> "Demo supplier registration loaded: " + o.getName());
    }

    /** A one-page PDF saying what it stands for, with a correct cross-reference table. */
    static byte[] samplePdf(String title) {
        String text = title.replaceAll("[^A-Za-z0-9 .,:()-]", "");
        String stream = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

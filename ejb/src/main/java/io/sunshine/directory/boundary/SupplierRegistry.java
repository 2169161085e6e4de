package io.sunshine.directory.boundary;

import io.sunshine.directory.control.PasswordHasher;
import io.sunshine.directory.control.PasswordPolicy;
import io.sunshine.directory.control.SizeDeclaration;
import io.sunshine.directory.control.SupplierApplication;
import io.sunshine.directory.control.UsernameRule;
import io.sunshine.directory.entity.AppUser;
import io.sunshine.directory.entity.DocumentKind;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.directory.entity.QualificationDocument;
import io.sunshine.directory.entity.RegistrationStatus;
import io.sunshine.directory.entity.Role;
import io.sunshine.directory.entity.SizeClass;
import io.sunshine.directory.entity.SupplierRegistration;
import io.sunshine.platform.boundary.CallerContext;
import io.sunshine.platform.boundary.WorkQueue;
import io.sunshine.platform.control.DocumentStore;
import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.PdfUpload;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.boundary.AuditTrail;
import io.sunshine.supervision.boundary.AuditTrail.Actor;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The supplier registry (供应商库): a supplier registers itself without signing in, uploads its
 * qualification documents (PDF only), and stays PENDING until an agency or administrator verifies
 * it or rejects it with a reason; a rejected supplier corrects its details and resubmits.
 *
 * <p>Every read is checked at object level: a supplier's staff see their own registration and
 * documents and nothing of another supplier's (refused 403 and audited); agencies, administrators,
 * the finance bureau and supervisors see every supplier.
 *
 * <pre>{@code
 * SupplierView s = registry.register(application, "xinda", "王伟", password); // PENDING
 * registry.addDocument(s.id(), DocumentKind.LICENCE, "营业执照.pdf", pdfBytes); // as xinda
 * registry.decide(s.id(), RegistrationStatus.VERIFIED, null); // as agency1
 * }</pre>
 */
@Stateless
@DeclareRoles({"SUPPLIER", "AGENCY", "ADMIN", "FINANCE", "SUPERVISOR"})
public class SupplierRegistry {
    public static final String WORK_REVIEW = "work.supplier.review";
    public static final String WORK_CORRECT = "work.supplier.correct";
    static final String SUBJECT = "Supplier";
    private static final Set<String> READERS = Set.of("AGENCY", "ADMIN", "FINANCE", "SUPERVISOR");
    private static final int REASON_MAX = 500;
    private static final Logger LOG = Logger.getLogger(SupplierRegistry.class.getName());

    @PersistenceContext EntityManager em;
    @EJB AuditTrail audit;
    @EJB WorkQueue work;
    @Inject Clock clock;
    @Resource SessionContext session;
    @Resource TransactionSynchronizationRegistry transactions;
    @Inject Instance<CallerContext> callerContext;

    @Inject
    @ConfigProperty(name = "sunshine.documents.max-bytes", defaultValue = "10485760")
    long maxDocumentBytes;

    @Inject
    @ConfigProperty(name = "sunshine.documents.max-per-supplier", defaultValue = "20")
    int maxDocuments;

    @Inject
    @ConfigProperty(name = "sunshine.registration.per-address-per-hour", defaultValue = "20")
    int registrationsPerAddressPerHour;

    @Inject
    @ConfigProperty(name = "sunshine.storage.dir")
    Optional<String> storageDir;

    private final PasswordHasher hasher = new PasswordHasher();

    /**
     * A supplier registers itself and its first user (role SUPPLIER): PENDING until verified. The
     * size declaration stored is the one {@link #sizeDeclaration} shows for these details.
     */
    @PermitAll
    public SupplierView register(
            SupplierApplication application, String username, String displayName, char[] password) {
        try {
            if (application == null) {
                throw new Refusal(ProblemCode.BODY_MALFORMED, null, "application");
            }
            SupplierApplication a = application.validated();
            String user = UsernameRule.canonical(username);
            String display = SupplierApplication.text(displayName, "displayName", 1, 100);
            PasswordPolicy.check(user, password);
            Organisations.requireUnique(em, a.name(), a.creditCode(), null);
            if (Users.byUsername(em, user).isPresent()) {
                throw new Refusal(ProblemCode.USERNAME_TAKEN, "username", user);
            }
            String address = clientAddress();
            Instant now = clock.instant();
            guardAgainstFlooding(address, now);

            Organisation o =
                    Organisation.selfRegisteredSupplier(
                            a.name(), a.creditCode(), a.sizeClass(), now);
            em.persist(o);
            SupplierRegistration r =
                    new SupplierRegistration(
                            o,
                            a,
                            SizeDeclaration.text(a.name(), a.creditCode(), a.sizeClass()),
                            SizeDeclaration.VERSION,
                            address,
                            now);
            em.persist(r);
            em.persist(
                    new AppUser(
                            user, display, o, Set.of(Role.SUPPLIER), hasher.hash(password), now));
            em.flush();
            String id = String.valueOf(o.getId());
            audit.recordFor(
                    new Actor(user, Role.SUPPLIER.name(), o.getName()),
                    "SUPPLIER_REGISTERED",
                    SUBJECT,
                    id,
                    null,
                    summary(o, r) + "; user=" + user);
            work.add(
                    Role.AGENCY.name(),
                    null,
                    null,
                    WORK_REVIEW,
                    SUBJECT,
                    id,
                    "供应商注册待审核：" + o.getName(),
                    null);
            return SupplierView.of(o, r, 0);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The declaration a registrant is shown for its name, code and size, exactly as stored. */
    @PermitAll
    public String sizeDeclaration(String name, String creditCode, SizeClass sizeClass) {
        if (sizeClass == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "sizeClass", "sizeClass");
        }
        return SizeDeclaration.text(name, creditCode, sizeClass);
    }

    /** The largest qualification document accepted, in bytes. */
    @PermitAll
    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /** Every supplier, or those in one status, pending ones first, then by name. */
    @RolesAllowed({"AGENCY", "ADMIN", "FINANCE", "SUPERVISOR"})
    public List<SupplierView> suppliers(RegistrationStatus status) {
        TypedQuery<Organisation> q =
                em.createQuery(
                                "SELECT o FROM Organisation o WHERE o.type = :t"
                                        + (status == null ? "" : " AND o.registrationStatus = :s")
                                        + " ORDER BY o.name",
                                Organisation.class)
                        .setParameter("t", OrganisationType.SUPPLIER);
        if (status != null) {
            q.setParameter("s", status);
        }
        List<Organisation> orgs = q.getResultList();
        Map<Long, SupplierRegistration> registrations =
                em.createQuery("SELECT r FROM SupplierRegistration r", SupplierRegistration.class)
                        .getResultStream()
                        .collect(Collectors.toMap(r -> r.getOrganisation().getId(), r -> r));
        Map<Long, Long> counts =
                em.createQuery(
                                "SELECT d.organisation.id, COUNT(d) FROM QualificationDocument d"
                                        + " GROUP BY d.organisation.id",
                                Object[].class)
                        .getResultStream()
                        .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
        return orgs.stream()
                .map(
                        o ->
                                SupplierView.of(
                                        o,
                                        registrations.get(o.getId()),
                                        counts.getOrDefault(o.getId(), 0L)))
                .sorted(
                        (x, y) ->
                                Boolean.compare(
                                        x.status() != RegistrationStatus.PENDING,
                                        y.status() != RegistrationStatus.PENDING))
                .toList();
    }

    /** One supplier's registration: for the reviewers, or for the supplier's own staff. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "ADMIN", "FINANCE", "SUPERVISOR"})
    public SupplierView supplier(long supplierId) {
        Organisation o = readable(supplierId);
        return SupplierView.of(o, registrationOf(o), documentCount(o));
    }

    /** The supplier the signed-in supplier user works for, if the caller is one. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "ADMIN", "FINANCE", "SUPERVISOR"})
    public Optional<SupplierView> mine() {
        Account a = caller();
        if (a.organisationType() != OrganisationType.SUPPLIER) {
            return Optional.empty();
        }
        return Optional.of(supplier(a.organisationId()));
    }

    /** A supplier's qualification documents, newest first. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "ADMIN", "FINANCE", "SUPERVISOR"})
    public List<DocumentView> documents(long supplierId) {
        Organisation o = readable(supplierId);
        return em.createQuery(
                        "SELECT d FROM QualificationDocument d WHERE d.organisation = :o ORDER BY"
                                + " d.uploadedAt DESC, d.id DESC",
                        QualificationDocument.class)
                .setParameter("o", o)
                .getResultStream()
                .map(DocumentView::of)
                .toList();
    }

    /** A document's bytes, checked against the SHA-256 recorded at upload. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "ADMIN", "FINANCE", "SUPERVISOR"})
    public DocumentView.Content document(long supplierId, long documentId) {
        Organisation o = readable(supplierId);
        QualificationDocument d = em.find(QualificationDocument.class, documentId);
        if (d == null || !d.getOrganisation().getId().equals(o.getId())) {
            throw new Refusal(
                    ProblemCode.DOCUMENT_NOT_FOUND, "documentId", String.valueOf(documentId));
        }
        byte[] bytes = store().get(d.getStorageName());
        if (!DocumentStore.sha256(bytes).equals(d.getSha256())) {
            LOG.severe(
                    () ->
                            "Stored qualification document "
                                    + d.getId()
                                    + " no longer matches its SHA-256");
            throw new IllegalStateException("Document " + d.getId() + " failed its hash check");
        }
        return new DocumentView.Content(DocumentView.of(d), bytes);
    }

    /**
     * The supplier's own staff upload a qualification document while the registration is pending or
     * rejected: a PDF by content, within the size limit, under a plain file name.
     */
    @RolesAllowed("SUPPLIER")
    public DocumentView addDocument(
            long supplierId, DocumentKind kind, String fileName, byte[] content) {
        Organisation o = own(supplierId);
        if (o.getRegistrationStatus() == RegistrationStatus.VERIFIED) {
            throw new Refusal(
                    ProblemCode.REGISTRATION_CLOSED, null, status(o.getRegistrationStatus()));
        }
        if (kind == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "kind", "kind");
        }
        String name = PdfUpload.check(fileName, content, maxDocumentBytes);
        if (documentCount(o) >= maxDocuments) {
            throw new Refusal(ProblemCode.DOCUMENT_LIMIT_REACHED, "file", maxDocuments);
        }
        DocumentStore store = store();
        DocumentStore.Stored stored = store.put(content);
        // the file exists only if the row does: a rolled-back upload leaves nothing on disk
        transactions.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        if (status != Status.STATUS_COMMITTED) {
                            store.delete(stored.storageName());
                        }
                    }
                });
        QualificationDocument d =
                new QualificationDocument(
                        o,
                        kind,
                        name,
                        stored.storageName(),
                        stored.size(),
                        stored.sha256(),
                        caller().username(),
                        clock.instant());
        em.persist(d);
        em.flush();
        audit.record(
                "DOCUMENT_UPLOADED",
                SUBJECT,
                String.valueOf(o.getId()),
                null,
                "document="
                        + d.getId()
                        + "; kind="
                        + kind
                        + "; name="
                        + name
                        + "; bytes="
                        + d.getSizeBytes()
                        + "; sha256="
                        + d.getSha256());
        return DocumentView.of(d);
    }

    /**
     * An agency or administrator decides a pending registration: VERIFIED, or REJECTED with the
     * reason the supplier must act on.
     */
    @RolesAllowed({"AGENCY", "ADMIN"})
    public SupplierView decide(long supplierId, RegistrationStatus decision, String reason) {
        // locked: of two reviewers deciding at once, the second waits and is told it is decided
        Organisation o = em.find(Organisation.class, supplierId, LockModeType.PESSIMISTIC_WRITE);
        if (o == null || o.getType() != OrganisationType.SUPPLIER) {
            throw new Refusal(
                    ProblemCode.SUPPLIER_NOT_FOUND, "supplierId", String.valueOf(supplierId));
        }
        if (decision == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "decision", "decision");
        }
        if (decision == RegistrationStatus.PENDING) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, "decision", "decision");
        }
        if (o.getRegistrationStatus() != RegistrationStatus.PENDING) {
            throw new Refusal(
                    ProblemCode.REGISTRATION_NOT_PENDING, null, status(o.getRegistrationStatus()));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision == RegistrationStatus.REJECTED && why == null) {
            throw new Refusal(ProblemCode.REJECTION_REASON_REQUIRED, "reason", REASON_MAX);
        }
        if (why != null) {
            why = SupplierApplication.text(why, "reason", 1, REASON_MAX);
        }
        SupplierRegistration r = registrationOf(o);
        String reviewer = caller().username();
        Instant now = clock.instant();
        if (decision == RegistrationStatus.VERIFIED) {
            r.verify(reviewer, now);
            // what its contracts will print: the representative, telephone and bank account
            o.describe(
                    null,
                    r.getLegalRepresentative(),
                    r.getContactPhone(),
                    r.getBankName(),
                    r.getBankAccountName(),
                    r.getBankAccountNumber());
        } else {
            r.reject(reviewer, why, now);
        }
        String id = String.valueOf(o.getId());
        audit.record(
                decision == RegistrationStatus.VERIFIED ? "SUPPLIER_VERIFIED" : "SUPPLIER_REJECTED",
                SUBJECT,
                id,
                "status=PENDING",
                "status=" + decision + (why == null ? "" : "; reason=" + why));
        work.complete(WORK_REVIEW, SUBJECT, id);
        if (decision == RegistrationStatus.REJECTED) {
            work.add(
                    Role.SUPPLIER.name(),
                    o.getId(),
                    null,
                    WORK_CORRECT,
                    SUBJECT,
                    id,
                    "供应商注册被退回，请修改后重新提交：" + why,
                    null);
        }
        return SupplierView.of(o, r, documentCount(o));
    }

    /** The supplier's own staff correct a rejected registration and submit it again. */
    @RolesAllowed("SUPPLIER")
    public SupplierView resubmit(long supplierId, SupplierApplication corrected) {
        Organisation o = own(supplierId);
        if (o.getRegistrationStatus() != RegistrationStatus.REJECTED) {
            throw new Refusal(
                    ProblemCode.REGISTRATION_NOT_REJECTED, null, status(o.getRegistrationStatus()));
        }
        if (corrected == null) {
            throw new Refusal(ProblemCode.BODY_MALFORMED, null, "application");
        }
        SupplierApplication a = corrected.validated();
        Organisations.requireUnique(em, a.name(), a.creditCode(), o.getId());
        SupplierRegistration r = registrationOf(o);
        String before = summary(o, r);
        r.resubmit(
                a,
                SizeDeclaration.text(a.name(), a.creditCode(), a.sizeClass()),
                SizeDeclaration.VERSION,
                clock.instant());
        String id = String.valueOf(o.getId());
        audit.record("SUPPLIER_RESUBMITTED", SUBJECT, id, before, summary(o, r));
        work.complete(WORK_CORRECT, SUBJECT, id);
        work.add(
                Role.AGENCY.name(),
                null,
                null,
                WORK_REVIEW,
                SUBJECT,
                id,
                "供应商注册待审核（重新提交）：" + o.getName(),
                null);
        return SupplierView.of(o, r, documentCount(o));
    }

    // ------------------------------------------------------------------------------------------

    /** The supplier if the caller may read it: a reviewer, or the supplier's own staff. */
    private Organisation readable(long supplierId) {
        if (READERS.stream().noneMatch(session::isCallerInRole)) {
            return own(supplierId);
        }
        Organisation o = em.find(Organisation.class, supplierId);
        if (o == null || o.getType() != OrganisationType.SUPPLIER) {
            throw new Refusal(
                    ProblemCode.SUPPLIER_NOT_FOUND, "supplierId", String.valueOf(supplierId));
        }
        return o;
    }

    /**
     * The caller's own supplier. Another id is refused 403 and audited before anything is looked
     * up, so that a supplier cannot even learn which ids exist.
     */
    private Organisation own(long supplierId) {
        Account a = caller();
        if (a.organisationType() != OrganisationType.SUPPLIER || a.organisationId() != supplierId) {
            audit.recordRefusal(
                    "ACCESS_DENIED",
                    SUBJECT,
                    String.valueOf(supplierId),
                    null,
                    "object-level: caller's organisation is " + a.organisationId());
            throw new Refusal(
                    ProblemCode.ACCESS_DENIED, null, new Localized("reason.access.OTHER_SUPPLIER"));
        }
        return em.find(Organisation.class, supplierId);
    }

    private Account caller() {
        Principal p = session.getCallerPrincipal();
        return Users.byUsername(em, p == null ? null : p.getName())
                .map(Account::of)
                .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
    }

    private SupplierRegistration registrationOf(Organisation o) {
        return em.createQuery(
                        "SELECT r FROM SupplierRegistration r WHERE r.organisation = :o",
                        SupplierRegistration.class)
                .setParameter("o", o)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private long documentCount(Organisation o) {
        return em.createQuery(
                        "SELECT COUNT(d) FROM QualificationDocument d WHERE d.organisation = :o",
                        Long.class)
                .setParameter("o", o)
                .getSingleResult();
    }

    /**
     * A cheap guard against scripted mass registration: at most so many per client address per
     * hour, counted in the database so that it holds across the instances of a cluster.
     */
    private void guardAgainstFlooding(String address, Instant now) {
        if (address == null || registrationsPerAddressPerHour <= 0) {
            return;
        }
        long recent =
                em.createQuery(
                                "SELECT COUNT(r) FROM SupplierRegistration r WHERE r.clientAddress"
                                        + " = :a AND r.submittedAt > :since",
                                Long.class)
                        .setParameter("a", address)
                        .setParameter("since", now.minus(Duration.ofHours(1)))
                        .getSingleResult();
        if (recent >= registrationsPerAddressPerHour) {
            audit.recordRefusal(
                    "SUPPLIER_REGISTRATION_REFUSED",
                    SUBJECT,
                    null,
                    null,
                    "rate limit: " + recent + " registrations from this address in the last hour");
            throw new Refusal(
                    ProblemCode.REGISTRATION_RATE_LIMITED, null, registrationsPerAddressPerHour);
        }
    }

    private DocumentStore store() {
        return store(storageDir);
    }

    /** The store of qualification documents under the storage root. */
    static DocumentStore store(Optional<String> storageDir) {
        return DocumentStore.area(storageDir, "qualification");
    }

    private String clientAddress() {
        try {
            return callerContext.isResolvable() ? callerContext.get().getClientAddress() : null;
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    private static Localized status(RegistrationStatus s) {
        return new Localized("status." + s.name());
    }

    private static String summary(Organisation o, SupplierRegistration r) {
        return "name="
                + o.getName()
                + "; creditCode="
                + o.getCreditCode()
                + "; size="
                + o.getSizeClass()
                + "; legalRepresentative="
                + r.getLegalRepresentative()
                + "; bank="
                + r.getBankName()
                + " ****"
                + r.getBankAccountNumber()
                        .substring(Math.max(0, r.getBankAccountNumber().length() - 4))
                + "; declaration="
                + r.getSizeDeclarationVersion()
                + " accepted "
                + r.getSizeDeclaredAt();
    }
}

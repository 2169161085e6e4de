package io.sunshine.directory.boundary;

import io.sunshine.directory.control.CertificateAuthority;
import io.sunshine.directory.control.CertificateSubject;
import io.sunshine.directory.control.MasterKey;
import io.sunshine.directory.control.PadesSigner;
import io.sunshine.directory.control.PasswordHasher;
import io.sunshine.directory.control.PdfSignatureVerifier;
import io.sunshine.directory.control.Pkcs12Import;
import io.sunshine.directory.control.SignatureReport;
import io.sunshine.directory.control.StampPlacement;
import io.sunshine.directory.entity.AppUser;
import io.sunshine.directory.entity.CertificateSource;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationCertificate;
import io.sunshine.directory.entity.RegistrationStatus;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Organisations' signing certificates and the signing of PDFs with them (issue 6: contracts are
 * signed PDFs). The contract workflow calls {@link #sign}; anyone signed in may {@link #verify}.
 *
 * <p>An organisation that has no certificate in force when one of its users first signs gets one
 * from the platform CA there and then: the organisation is already vetted by the platform (created
 * by an administrator, or a supplier whose registration was verified), the certificate binds only
 * that identity, and making every organisation ask an administrator first would stall every
 * contract of the first weeks. A supplier whose registration is not verified gets none. Issuing and
 * importing lock the organisation's row, so there is at most one certificate in force per
 * organisation even when two signers race.
 *
 * <pre>{@code
 * byte[] signed = certificates.sign(orgId, password, pdf,
 *         new StampPlacement(0, 380, 80, 140, 140), "合同签订");
 * }</pre>
 */
@Stateless
@DeclareRoles({"ADMIN", "SUPERVISOR"})
public class Certificates {
    private static final Logger LOG = Logger.getLogger(Certificates.class.getName());
    static final String SUBJECT = "OrganisationCertificate";

    /** How a lock's end is shown to the signer (the sign-in says it the same way). */
    private static final DateTimeFormatter BEIJING_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.SHANGHAI);

    @PersistenceContext EntityManager em;
    @Resource SessionContext session;
    @EJB AuditTrail audit;
    @EJB Authenticator authenticator;
    @EJB PlatformCa ca;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(
            name = "sunshine.pdf.font",
            defaultValue = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    String font;

    private final PasswordHasher hasher = new PasswordHasher();

    /** Issues a platform certificate to the organisation; the one in force before is revoked. */
    @RolesAllowed("ADMIN")
    public CertificateView issue(long organisationId) {
        Organisation org = lockedOrganisation(organisationId);
        return CertificateView.of(issueTo(org, "ISSUED"));
    }

    /**
     * Imports an outside CA's PKCS#12 file: by an administrator, or by a user of the organisation
     * itself. Its certificate replaces the one in force. A certificate naming another credit code
     * than the organisation's is refused.
     */
    @PermitAll
    public CertificateView importPkcs12(long organisationId, byte[] p12, char[] password) {
        try {
            Organisation org = organisation(organisationId);
            AppUser me = callerUser();
            if (!session.isCallerInRole("ADMIN")
                    && (me == null
                            || !me.isActive()
                            || !me.getOrganisation().getId().equals(org.getId()))) {
                audit.recordRefusal(
                        "CERTIFICATE_IMPORT_REFUSED",
                        "Organisation",
                        String.valueOf(organisationId),
                        null,
                        "reason=NOT_IN_ORGANISATION");
                throw new Refusal(ProblemCode.SIGNER_NOT_IN_ORGANISATION, null, org.getName());
            }
            Instant now = clock.instant();
            Pkcs12Import.Imported imported = Pkcs12Import.read(p12, password, now);
            String code = CertificateSubject.of(imported.certificate()).creditCode();
            if (code != null && org.getCreditCode() != null && !code.equals(org.getCreditCode())) {
                throw new Refusal(
                        ProblemCode.CERTIFICATE_ORGANISATION_MISMATCH,
                        "pkcs12",
                        code,
                        org.getCreditCode());
            }
            org = lockedOrganisation(organisationId);
            MasterKey mk = ca.masterKey();
            OrganisationCertificate c =
                    store(
                            org,
                            imported.certificate(),
                            imported.chain(),
                            imported.privateKey(),
                            CertificateSource.IMPORTED,
                            mk,
                            now);
            audit.record(
                    "CERTIFICATE_IMPORTED",
                    SUBJECT,
                    String.valueOf(c.getId()),
                    null,
                    "organisation="
                            + org.getId()
                            + "; serial="
                            + c.getSerial()
                            + "; issuer="
                            + c.getIssuerDn());
            return CertificateView.of(c);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The organisation's certificate in force now, if any. */
    @PermitAll
    public Optional<CertificateView> current(long organisationId) {
        return inForce(organisationId, clock.instant()).map(CertificateView::of);
    }

    /**
     * Signs a PDF for the organisation: the caller must be an active user of it and confirm with
     * their own password. The private key is decrypted for this call only.
     *
     * @param reason why it is signed (e.g. 合同签订), shown in the signature
     * @return the signed PDF (the input with one incremental update appended)
     */
    @PermitAll
    public byte[] sign(
            long organisationId,
            char[] signerPassword,
            byte[] pdf,
            StampPlacement stamp,
            String reason) {
        try {
            Organisation org = organisation(organisationId);
            AppUser me = callerUser();
            if (me == null || !me.isActive() || !me.getOrganisation().getId().equals(org.getId())) {
                audit.recordRefusal(
                        "SIGNING_REFUSED",
                        "Organisation",
                        String.valueOf(organisationId),
                        null,
                        "reason=NOT_IN_ORGANISATION");
                throw new Refusal(ProblemCode.SIGNER_NOT_IN_ORGANISATION, null, org.getName());
            }
            Instant now = clock.instant();
            if (me.isLockedAt(now)) {
                audit.recordRefusal(
                        "SIGNING_REFUSED",
                        "Organisation",
                        String.valueOf(organisationId),
                        null,
                        "reason=ACCOUNT_LOCKED");
                throw new Refusal(
                        ProblemCode.ACCOUNT_LOCKED, null, BEIJING_TIME.format(me.getLockedUntil()));
            }
            if (signerPassword == null || !hasher.matches(signerPassword, me.getPasswordHash())) {
                audit.recordRefusal(
                        "SIGNING_REFUSED",
                        "Organisation",
                        String.valueOf(organisationId),
                        null,
                        "reason=SIGNING_PASSWORD_WRONG");
                Optional<Instant> locked =
                        authenticator.confirmationFailed(me.getId(), "SIGN " + org.getId());
                if (locked.isPresent()) {
                    throw new Refusal(
                            ProblemCode.ACCOUNT_LOCKED, null, BEIJING_TIME.format(locked.get()));
                }
                throw new Refusal(ProblemCode.SIGNING_PASSWORD_WRONG, "password");
            }
            me.confirmedPassword(now);
            if (pdf == null || pdf.length == 0) {
                throw new Refusal(ProblemCode.SIGNATURE_DOCUMENT_INVALID, "pdf", "empty");
            }
            if (stamp == null) {
                throw new Refusal(ProblemCode.SIGNATURE_STAMP_INVALID, "stamp", "-");
            }
            MasterKey mk = ca.masterKey();
            OrganisationCertificate cert = inForce(organisationId, now).orElse(null);
            if (cert == null) {
                Organisation locked = lockedOrganisation(organisationId);
                cert = inForce(organisationId, now).orElse(null); // another signer may have won
                if (cert == null) {
                    cert = issueTo(locked, "ISSUED_AT_FIRST_SIGNING");
                }
            }
            X509Certificate x509 = CertificateAuthority.fromDer(cert.getCertificateDer());
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(x509);
            chain.addAll(issuers(cert));
            byte[] pkcs8 = mk.unwrap(cert.getPrivateKeyWrapped(), cert.keyPurpose());
            PrivateKey key;
            try {
                key = CertificateAuthority.privateKey(x509.getPublicKey().getAlgorithm(), pkcs8);
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
            byte[] signed =
                    new PadesSigner(Path.of(font))
                            .sign(
                                    pdf,
                                    key,
                                    chain,
                                    new PadesSigner.Request(
                                            org.getName(),
                                            reason == null || reason.isBlank()
                                                    ? "签署"
                                                    : reason.strip(),
                                            PlatformCa.PLATFORM_NAME,
                                            now,
                                            stamp));
            audit.record(
                    "DOCUMENT_SIGNED",
                    "Organisation",
                    String.valueOf(organisationId),
                    "sha256=" + sha256(pdf),
                    "serial="
                            + cert.getSerial()
                            + "; sha256="
                            + sha256(signed)
                            + "; reason="
                            + (reason == null ? "" : reason.strip()));
            return signed;
        } finally {
            if (signerPassword != null) {
                Arrays.fill(signerPassword, '\0');
            }
        }
    }

    /**
     * Checks every signature of a PDF. Trusted are chains to the platform root, and the imported
     * certificates themselves (each accepted by the platform for its organisation; their outside
     * CAs are not trusted wholesale, for an organisation could bring a CA of its own making).
     */
    @PermitAll
    public List<SignatureReport> verify(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw new Refusal(ProblemCode.SIGNATURE_DOCUMENT_INVALID, "pdf", "empty");
        }
        List<X509Certificate> anchors = new ArrayList<>();
        if (ca.available()) {
            anchors.add(ca.root());
        }
        em.createQuery(
                        "SELECT c FROM OrganisationCertificate c WHERE c.source = :s",
                        OrganisationCertificate.class)
                .setParameter("s", CertificateSource.IMPORTED)
                .getResultStream()
                .forEach(c -> anchors.add(CertificateAuthority.fromDer(c.getCertificateDer())));
        return PdfSignatureVerifier.verify(pdf, anchors);
    }

    /** The platform CA's root certificate (PEM), which relying parties install as trusted. */
    @PermitAll
    public String rootCertificatePem() {
        return CertificateAuthority.toPem(ca.root());
    }

    // ---- helpers --------------------------------------------------------------------------

    private OrganisationCertificate issueTo(Organisation org, String action) {
        if (org.getRegistrationStatus() != RegistrationStatus.VERIFIED) {
            throw new Refusal(ProblemCode.CERTIFICATE_NOT_FOUND, null, org.getName());
        }
        Instant now = clock.instant();
        MasterKey mk = ca.masterKey();
        CertificateAuthority.Issued issued =
                ca.authority().issue(org.getName(), org.getCreditCode(), now);
        OrganisationCertificate c =
                store(
                        org,
                        issued.certificate(),
                        List.of(ca.root()),
                        issued.privateKey(),
                        CertificateSource.PLATFORM,
                        mk,
                        now);
        audit.record(
                "CERTIFICATE_" + action,
                SUBJECT,
                String.valueOf(c.getId()),
                null,
                "organisation=" + org.getId() + "; serial=" + c.getSerial());
        LOG.fine(() -> "Issued certificate " + c.getSerial() + " to organisation " + org.getId());
        return c;
    }

    /** Stores a certificate with its wrapped key; the one in force before is revoked. */
    private OrganisationCertificate store(
            Organisation org,
            X509Certificate cert,
            List<X509Certificate> issuers,
            PrivateKey key,
            CertificateSource source,
            MasterKey mk,
            Instant now) {
        String issuer = CertificateSubject.text(cert.getIssuerX500Principal());
        String serial = cert.getSerialNumber().toString(16).toUpperCase();
        for (OrganisationCertificate old : unrevoked(org.getId())) {
            old.revoke(now);
            audit.record(
                    "CERTIFICATE_SUPERSEDED",
                    SUBJECT,
                    String.valueOf(old.getId()),
                    "serial=" + old.getSerial(),
                    "revokedAt=" + now);
        }
        byte[] pkcs8 = key.getEncoded();
        try {
            OrganisationCertificate c =
                    new OrganisationCertificate(
                            org,
                            serial,
                            CertificateSubject.text(cert.getSubjectX500Principal()),
                            issuer,
                            cert.getEncoded(),
                            concat(issuers),
                            cert.getNotBefore().toInstant(),
                            cert.getNotAfter().toInstant(),
                            source,
                            mk.wrap(pkcs8, OrganisationCertificate.keyPurpose(issuer, serial)),
                            CertificateAuthority.keyAlgorithm(cert.getPublicKey()),
                            now,
                            callerName());
            em.persist(c);
            em.flush();
            return c;
        } catch (CertificateException e) {
            throw new IllegalStateException("Cannot encode a certificate", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private Optional<OrganisationCertificate> inForce(long organisationId, Instant now) {
        return unrevoked(organisationId).stream().filter(c -> c.inForceAt(now)).findFirst();
    }

    private List<OrganisationCertificate> unrevoked(long organisationId) {
        return em.createQuery(
                        "SELECT c FROM OrganisationCertificate c WHERE c.organisation.id = :o AND"
                                + " c.revokedAt IS NULL ORDER BY c.createdAt DESC",
                        OrganisationCertificate.class)
                .setParameter("o", organisationId)
                .getResultList();
    }

    private Organisation organisation(long id) {
        Organisation o = em.find(Organisation.class, id);
        if (o == null) {
            throw new Refusal(ProblemCode.ORGANISATION_NOT_FOUND, null, String.valueOf(id));
        }
        return o;
    }

    private Organisation lockedOrganisation(long id) {
        Organisation o = em.find(Organisation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (o == null) {
            throw new Refusal(ProblemCode.ORGANISATION_NOT_FOUND, null, String.valueOf(id));
        }
        return o;
    }

    private AppUser callerUser() {
        String name = callerName();
        return name == null ? null : Users.byUsername(em, name).orElse(null);
    }

    private String callerName() {
        java.security.Principal p = session.getCallerPrincipal();
        return p == null || AuditTrail.ANONYMOUS.equalsIgnoreCase(p.getName())
                ? AuditTrail.SYSTEM
                : p.getName();
    }

    private static List<X509Certificate> issuers(OrganisationCertificate c) {
        byte[] der = c.getIssuerChainDer();
        List<X509Certificate> l = new ArrayList<>();
        if (der == null || der.length == 0) {
            return l;
        }
        try {
            for (Certificate x :
                    CertificateFactory.getInstance("X.509")
                            .generateCertificates(new ByteArrayInputStream(der))) {
                l.add((X509Certificate) x);
            }
        } catch (CertificateException e) {
            LOG.warning(() -> "Unreadable issuer chain of certificate " + c.getId());
        }
        return l;
    }

    private static byte[] concat(List<X509Certificate> certs) throws CertificateException {
        if (certs == null || certs.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (X509Certificate c : certs) {
            out.writeBytes(c.getEncoded());
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

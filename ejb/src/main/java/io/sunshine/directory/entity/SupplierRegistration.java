package io.sunshine.directory.entity;

import io.sunshine.directory.control.SupplierApplication;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A supplier's self-registration (供应商注册): who represents it, whom to contact, the bank account it
 * is paid into, the size declaration it accepted (the exact text, its version and the instant), and
 * the review: pending until an agency or administrator verifies it, or rejected with a reason that
 * the supplier corrects and resubmits. The status itself lives on the {@link Organisation}, where
 * every stage asks for it.
 */
@Entity
@Table(name = "supplier_registration")
public class SupplierRegistration {
    @Id
    @SequenceGenerator(
            name = "supplier_registration_seq",
            sequenceName = "supplier_registration_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "supplier_registration_seq")
    private Long id;

    @OneToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id", nullable = false, unique = true)
    private Organisation organisation;

    @Column(name = "legal_representative", nullable = false, length = 50)
    private String legalRepresentative;

    @Column(name = "contact_name", nullable = false, length = 50)
    private String contactName;

    @Column(name = "contact_phone", nullable = false, length = 30)
    private String contactPhone;

    @Column(name = "contact_email", nullable = false, length = 100)
    private String contactEmail;

    @Column(name = "bank_name", nullable = false, length = 100)
    private String bankName;

    @Column(name = "bank_account_name", nullable = false, length = 200)
    private String bankAccountName;

    @Column(name = "bank_account_number", nullable = false, length = 30)
    private String bankAccountNumber;

    @Column(name = "size_declaration_text", nullable = false, length = 2000)
    private String sizeDeclarationText;

    @Column(name = "size_declaration_version", nullable = false, length = 40)
    private String sizeDeclarationVersion;

    @Column(name = "size_declared_at", nullable = false)
    private Instant sizeDeclaredAt;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "submissions", nullable = false)
    private int submissions;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by", length = 40)
    private String reviewedBy;

    @Column(name = "review_reason", length = 500)
    private String reviewReason;

    @Version private long version;

    protected SupplierRegistration() {}

    /**
     * A new registration of a supplier that registered itself (the organisation is PENDING).
     *
     * @param application validated ({@link SupplierApplication#validated()})
     * @param declarationText the exact declaration shown and accepted
     */
    public SupplierRegistration(
            Organisation organisation,
            SupplierApplication application,
            String declarationText,
            String declarationVersion,
            String clientAddress,
            Instant at) {
        this.organisation =
                Objects.requireNonNull(organisation, "A registration needs a supplier.");
        if (organisation.getType() != OrganisationType.SUPPLIER) {
            throw new IllegalArgumentException("Only a supplier registers itself.");
        }
        this.clientAddress = clientAddress;
        this.submissions = 0;
        apply(application, declarationText, declarationVersion, at);
    }

    private void apply(
            SupplierApplication a, String declarationText, String declarationVersion, Instant at) {
        Objects.requireNonNull(a, "A registration needs its application.");
        if (!a.sizeDeclarationAccepted()) {
            throw new IllegalArgumentException("The size declaration was not accepted.");
        }
        this.legalRepresentative = a.legalRepresentative();
        this.contactName = a.contactName();
        this.contactPhone = a.contactPhone();
        this.contactEmail = a.contactEmail();
        this.bankName = a.bankName();
        this.bankAccountName = a.bankAccountName();
        this.bankAccountNumber = a.bankAccountNumber();
        this.sizeDeclarationText = Objects.requireNonNull(declarationText);
        this.sizeDeclarationVersion = Objects.requireNonNull(declarationVersion);
        this.sizeDeclaredAt = Objects.requireNonNull(at);
        this.submittedAt = at;
        this.submissions++;
    }

    /** An agency or administrator verifies the pending registration. */
    public void verify(String reviewer, Instant at) {
        organisation.changeRegistrationStatus(
                RegistrationStatus.PENDING, RegistrationStatus.VERIFIED);
        reviewed(reviewer, null, at);
    }

    /** An agency or administrator rejects the pending registration, saying why. */
    public void reject(String reviewer, String reason, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A rejection needs its reason.");
        }
        organisation.changeRegistrationStatus(
                RegistrationStatus.PENDING, RegistrationStatus.REJECTED);
        reviewed(reviewer, reason.strip(), at);
    }

    /** The rejected supplier corrects its details and submits them again: pending once more. */
    public void resubmit(
            SupplierApplication corrected,
            String declarationText,
            String declarationVersion,
            Instant at) {
        organisation.correct(corrected.name(), corrected.creditCode(), corrected.sizeClass());
        organisation.changeRegistrationStatus(
                RegistrationStatus.REJECTED, RegistrationStatus.PENDING);
        apply(corrected, declarationText, declarationVersion, at);
    }

    private void reviewed(String reviewer, String reason, Instant at) {
        this.reviewedBy = Objects.requireNonNull(reviewer);
        this.reviewReason = reason;
        this.reviewedAt = Objects.requireNonNull(at);
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getBankName() {
        return bankName;
    }

    public String getBankAccountName() {
        return bankAccountName;
    }

    public String getBankAccountNumber() {
        return bankAccountNumber;
    }

    public String getSizeDeclarationText() {
        return sizeDeclarationText;
    }

    public String getSizeDeclarationVersion() {
        return sizeDeclarationVersion;
    }

    public Instant getSizeDeclaredAt() {
        return sizeDeclaredAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public int getSubmissions() {
        return submissions;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public String getReviewReason() {
        return reviewReason;
    }
}

package io.sunshine.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * An organisation on the platform: the finance bureau, a purchasing unit, an agency, a supplier.
 */
@Entity
@Table(name = "organisation")
public class Organisation {
    @Id
    @SequenceGenerator(
            name = "organisation_seq",
            sequenceName = "organisation_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_seq")
    private Long id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "org_type", nullable = false, length = 30)
    private OrganisationType type;

    /** 统一社会信用代码 (GB 32100-2015); checked by the supplier registry. */
    @Column(name = "credit_code", length = 18)
    private String creditCode;

    /** Size class a supplier declares (大型/中型/小型/微型企业), null for other organisations. */
    @Enumerated(EnumType.STRING)
    @Column(name = "size_class", length = 10)
    private SizeClass sizeClass;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Only a self-registered supplier starts PENDING; everything else is VERIFIED. */
    @Enumerated(EnumType.STRING)
    @Column(name = "registration_status", nullable = false, length = 10)
    private RegistrationStatus registrationStatus = RegistrationStatus.VERIFIED;

    /** What a contract prints about the organisation (V18); null until known. */
    @Column(name = "address", length = 300)
    private String address;

    @Column(name = "legal_representative", length = 50)
    private String legalRepresentative;

    @Column(name = "phone", length = 30)
    private String phone;

    @Column(name = "bank_name", length = 100)
    private String bankName;

    @Column(name = "bank_account_name", length = 200)
    private String bankAccountName;

    @Column(name = "bank_account_number", length = 30)
    private String bankAccountNumber;

    @Version private long version;

    protected Organisation() {}

    /**
     * The details a contract prints about the organisation; a null argument keeps the value already
     * known.
     */
    public void describe(
            String address,
            String legalRepresentative,
            String phone,
            String bankName,
            String bankAccountName,
            String bankAccountNumber) {
        this.address = keep(address, this.address, 300);
        this.legalRepresentative = keep(legalRepresentative, this.legalRepresentative, 50);
        this.phone = keep(phone, this.phone, 30);
        this.bankName = keep(bankName, this.bankName, 100);
        this.bankAccountName = keep(bankAccountName, this.bankAccountName, 200);
        this.bankAccountNumber = keep(bankAccountNumber, this.bankAccountNumber, 30);
    }

    private static String keep(String given, String known, int max) {
        if (given == null || given.isBlank()) {
            return known;
        }
        String v = given.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException("At most " + max + " characters: " + v);
        }
        return v;
    }

    public Organisation(
            String name,
            OrganisationType type,
            String creditCode,
            SizeClass sizeClass,
            Instant createdAt) {
        this.name = requireText(name);
        this.type = Objects.requireNonNull(type, "An organisation needs a type.");
        this.creditCode = creditCode == null || creditCode.isBlank() ? null : creditCode.strip();
        if (sizeClass != null && type != OrganisationType.SUPPLIER) {
            throw new IllegalArgumentException("Only a supplier declares a size class.");
        }
        this.sizeClass = sizeClass;
        this.createdAt = Objects.requireNonNull(createdAt, "An organisation needs its time.");
    }

    /** A supplier registering itself: pending until an agency or administrator verifies it. */
    public static Organisation selfRegisteredSupplier(
            String name, String creditCode, SizeClass sizeClass, Instant createdAt) {
        Organisation o =
                new Organisation(
                        name,
                        OrganisationType.SUPPLIER,
                        Objects.requireNonNull(creditCode, "A supplier needs its credit code."),
                        Objects.requireNonNull(sizeClass, "A supplier declares its size."),
                        createdAt);
        o.registrationStatus = RegistrationStatus.PENDING;
        return o;
    }

    /** A rejected supplier corrects its identity; checked (code, uniqueness) by the registry. */
    void correct(String name, String creditCode, SizeClass sizeClass) {
        requireStatus(RegistrationStatus.REJECTED);
        this.name = requireText(name);
        this.creditCode = Objects.requireNonNull(creditCode, "A supplier needs its credit code.");
        this.sizeClass = Objects.requireNonNull(sizeClass, "A supplier declares its size.");
    }

    void changeRegistrationStatus(RegistrationStatus from, RegistrationStatus to) {
        requireStatus(from);
        this.registrationStatus = Objects.requireNonNull(to);
    }

    private void requireStatus(RegistrationStatus expected) {
        if (registrationStatus != expected) {
            throw new IllegalStateException(
                    "Registration is " + registrationStatus + ", not " + expected);
        }
    }

    private static String requireText(String name) {
        Objects.requireNonNull(name, "An organisation needs a name.");
        String n = name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new IllegalArgumentException("An organisation name has 1 to 200 characters.");
        }
        return n;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public OrganisationType getType() {
        return type;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public SizeClass getSizeClass() {
        return sizeClass;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public RegistrationStatus getRegistrationStatus() {
        return registrationStatus;
    }

    public String getAddress() {
        return address;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public String getPhone() {
        return phone;
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
}

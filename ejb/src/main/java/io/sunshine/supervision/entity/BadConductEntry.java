package io.sunshine.supervision.entity;

import io.sunshine.directory.entity.Organisation;
import io.sunshine.supervision.control.BanPeriod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of the bad-conduct list (政府采购严重违法失信行为记录名单): a supplier barred from government
 * procurement by a penalty decision (处罚决定书) for a period of one to three years (政府采购法 第七十七条). Never
 * deleted: an entry lifted early keeps who lifted it, when and why.
 */
@Entity
@Table(name = "bad_conduct")
public class BadConductEntry {
    @Id
    @SequenceGenerator(
            name = "bad_conduct_seq",
            sequenceName = "bad_conduct_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bad_conduct_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

    @Column(name = "decision_ref", nullable = false, length = 100)
    private String decisionReference;

    @Column(name = "reason", nullable = false, length = 1000)
    private String reason;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "listed_at", nullable = false)
    private Instant listedAt;

    @Column(name = "listed_by", nullable = false, length = 60)
    private String listedBy;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    @Column(name = "lifted_by", length = 60)
    private String liftedBy;

    @Column(name = "lift_reason", length = 1000)
    private String liftReason;

    @Version private long version;

    protected BadConductEntry() {}

    public BadConductEntry(
            Organisation supplier,
            String decisionReference,
            String reason,
            BanPeriod period,
            Instant listedAt,
            String listedBy) {
        this.organisation = Objects.requireNonNull(supplier, "The entry names a supplier.");
        this.decisionReference =
                Objects.requireNonNull(decisionReference, "The entry cites its decision.");
        this.reason = Objects.requireNonNull(reason, "The entry gives its reason.");
        this.startsOn = period.startsOn();
        this.endsOn = period.endsOn();
        this.listedAt = Objects.requireNonNull(listedAt);
        this.listedBy = Objects.requireNonNull(listedBy);
    }

    /** Ends the ban early; only once, and only while it is in force (checked by the caller). */
    public void lift(String reason, String by, Instant at) {
        if (liftedAt != null) {
            throw new IllegalStateException("Entry " + id + " is already lifted.");
        }
        this.liftReason = Objects.requireNonNull(reason, "Lifting needs a reason.");
        this.liftedBy = Objects.requireNonNull(by);
        this.liftedAt = Objects.requireNonNull(at);
    }

    public BanPeriod period() {
        return new BanPeriod(startsOn, endsOn);
    }

    /** Whether this entry bars its supplier at that instant. */
    public boolean barsAt(Instant at) {
        return period().bars(at, liftedAt);
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public String getDecisionReference() {
        return decisionReference;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Instant getListedAt() {
        return listedAt;
    }

    public String getListedBy() {
        return listedBy;
    }

    public Instant getLiftedAt() {
        return liftedAt;
    }

    public String getLiftedBy() {
        return liftedBy;
    }

    public String getLiftReason() {
        return liftReason;
    }
}

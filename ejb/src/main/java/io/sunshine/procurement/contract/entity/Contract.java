package io.sunshine.procurement.contract.entity;

import io.sunshine.directory.entity.Organisation;
import io.sunshine.procurement.award.entity.Award;
import io.sunshine.procurement.contract.control.ContractParty;
import io.sunshine.procurement.contract.control.ContractState;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.entity.Project;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the contract of an award: drafted by the buyer from the published award (the price
 * and the items are the award's and never change), signed by both parties, reviewed and filed by
 * FINANCE — or returned, after which the next version is drafted and this one stays as it was.
 */
@Entity
@Table(name = "contract")
public class Contract {
    @Id
    @SequenceGenerator(name = "contract_seq", sequenceName = "contract_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contract_seq")
    private Long id;

    @Column(name = "contract_no", nullable = false, length = 40)
    private String contractNo;

    @Column(name = "version_no", nullable = false)
    private int versionNo;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "award_id", nullable = false)
    private Award award;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false)
    private Project project;

    @Column(name = "lot_no", nullable = false)
    private int lotNo;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "purchaser_id", nullable = false)
    private Organisation purchaser;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "supplier_id", nullable = false)
    private Organisation supplier;

    @Column(name = "amount", nullable = false, precision = 18, scale = 2)
    private BigDecimal amount;

    /** The content the PDF is rendered from (parties, items, terms), as JSON. */
    @Column(name = "content", nullable = false, columnDefinition = "TEXT")
    private String content;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private ContractState state = ContractState.DRAFT;

    @Column(name = "drafted_at", nullable = false)
    private Instant draftedAt;

    @Column(name = "drafted_by", nullable = false, length = 60)
    private String draftedBy;

    @Column(name = "award_published_at", nullable = false)
    private Instant awardPublishedAt;

    @Column(name = "sign_due", nullable = false)
    private Instant signDue;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "filing_due")
    private Instant filingDue;

    @Column(name = "notice_due")
    private Instant noticeDue;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by", length = 60)
    private String reviewedBy;

    @Column(name = "review_reasons", length = 1000)
    private String reviewReasons;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id")
    private PublishedNotice notice;

    @Column(name = "notice_withheld", length = 200)
    private String noticeWithheld;

    @Column(name = "sign_warned_at")
    private Instant signWarnedAt;

    @Column(name = "sign_late_at")
    private Instant signLateAt;

    @Column(name = "filing_late_at")
    private Instant filingLateAt;

    @Column(name = "notice_late_at")
    private Instant noticeLateAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "contract_document", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderBy("seq")
    private List<ContractFile> files = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "contract_signature", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderBy("signedAt")
    private List<ContractSignature> signatures = new ArrayList<>();

    @Version private long version;

    protected Contract() {}

    /** A new version drafted from the award; its first file is the rendered draft. */
    public static Contract draft(
            String contractNo,
            int versionNo,
            Award award,
            Organisation purchaser,
            BigDecimal amount,
            String content,
            Instant at,
            String by,
            Instant awardPublishedAt,
            Instant signDue) {
        Contract c = new Contract();
        c.contractNo = Objects.requireNonNull(contractNo);
        if (versionNo < 1) {
            throw new IllegalArgumentException("Versions count from 1.");
        }
        c.versionNo = versionNo;
        c.award = Objects.requireNonNull(award);
        c.project = award.getProject();
        c.lotNo = award.getLotNo();
        c.purchaser = Objects.requireNonNull(purchaser);
        c.supplier = award.getSupplier();
        c.amount = Objects.requireNonNull(amount);
        c.content = Objects.requireNonNull(content);
        c.draftedAt = Objects.requireNonNull(at);
        c.draftedBy = Objects.requireNonNull(by);
        c.awardPublishedAt = Objects.requireNonNull(awardPublishedAt);
        c.signDue = Objects.requireNonNull(signDue);
        return c;
    }

    /** The buyer changed the negotiable terms of the draft: new content, new draft file. */
    public void amend(String content) {
        requireState(ContractState.DRAFT);
        this.content = Objects.requireNonNull(content);
    }

    /** A PDF the version went through; the newest is the current one. */
    public void addFile(
            String kind, String storageName, String sha256, long size, Instant at, String by) {
        files.add(new ContractFile(files.size() + 1, kind, storageName, sha256, size, at, by));
    }

    /**
     * A party signed. The first signature freezes the content; the second makes the contract
     * signed, from which the filing (7 working days) and the notice (2) are due.
     */
    public void signed(ContractSignature s, Instant filingDue, Instant noticeDue) {
        if (state != ContractState.DRAFT && state != ContractState.SIGNING) {
            throw new IllegalStateException("Contract " + id + " is " + state);
        }
        if (signatureOf(s.getParty()).isPresent()) {
            throw new IllegalStateException(s.getParty() + " has signed already");
        }
        signatures.add(s);
        if (signatures.size() == ContractParty.values().length) {
            state = ContractState.SIGNED;
            signedAt = s.getSignedAt();
            this.filingDue = filingDue;
            this.noticeDue = noticeDue;
        } else {
            state = ContractState.SIGNING;
        }
    }

    /** FINANCE approved and filed it (备案). */
    public void filed(Instant at, String by) {
        requireState(ContractState.SIGNED);
        this.reviewedAt = Objects.requireNonNull(at);
        this.reviewedBy = Objects.requireNonNull(by);
        this.state = ContractState.FILED;
    }

    /** FINANCE returned it with reasons; the buyer drafts the next version. */
    public void returned(Instant at, String by, String reasons) {
        requireState(ContractState.SIGNED);
        this.reviewedAt = Objects.requireNonNull(at);
        this.reviewedBy = Objects.requireNonNull(by);
        this.reviewReasons = Objects.requireNonNull(reasons);
        this.state = ContractState.RETURNED;
    }

    /** The contract notice (合同公告) was published, with these fields withheld. */
    public void noticePublished(PublishedNotice n, String withheld) {
        if (notice != null) {
            throw new IllegalStateException("The notice of contract " + id + " is published");
        }
        this.notice = Objects.requireNonNull(n);
        this.noticeWithheld = withheld;
    }

    public void signWarned(Instant at) {
        this.signWarnedAt = at;
    }

    public void signLate(Instant at) {
        this.signLateAt = at;
    }

    public void filingLate(Instant at) {
        this.filingLateAt = at;
    }

    public void noticeLate(Instant at) {
        this.noticeLateAt = at;
    }

    public Optional<ContractSignature> signatureOf(ContractParty party) {
        return signatures.stream().filter(s -> s.getParty() == party).findFirst();
    }

    public ContractFile currentFile() {
        if (files.isEmpty()) {
            throw new IllegalStateException("Contract " + id + " has no file");
        }
        return files.get(files.size() - 1);
    }

    private void requireState(ContractState expected) {
        if (state != expected) {
            throw new IllegalStateException(
                    "Contract " + id + " is " + state + ", not " + expected);
        }
    }

    public Long getId() {
        return id;
    }

    public String getContractNo() {
        return contractNo;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public Award getAward() {
        return award;
    }

    public Project getProject() {
        return project;
    }

    public int getLotNo() {
        return lotNo;
    }

    public Organisation getPurchaser() {
        return purchaser;
    }

    public Organisation getSupplier() {
        return supplier;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getContent() {
        return content;
    }

    public ContractState getState() {
        return state;
    }

    public Instant getDraftedAt() {
        return draftedAt;
    }

    public String getDraftedBy() {
        return draftedBy;
    }

    public Instant getAwardPublishedAt() {
        return awardPublishedAt;
    }

    public Instant getSignDue() {
        return signDue;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public Instant getFilingDue() {
        return filingDue;
    }

    public Instant getNoticeDue() {
        return noticeDue;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public String getReviewReasons() {
        return reviewReasons;
    }

    public PublishedNotice getNotice() {
        return notice;
    }

    public String getNoticeWithheld() {
        return noticeWithheld;
    }

    public Instant getSignWarnedAt() {
        return signWarnedAt;
    }

    public Instant getSignLateAt() {
        return signLateAt;
    }

    public Instant getFilingLateAt() {
        return filingLateAt;
    }

    public Instant getNoticeLateAt() {
        return noticeLateAt;
    }

    public List<ContractFile> getFiles() {
        return Collections.unmodifiableList(files);
    }

    public List<ContractSignature> getSignatures() {
        return Collections.unmodifiableList(signatures);
    }
}

package io.sunshine.procurement.contract.boundary;

import io.sunshine.directory.boundary.Account;
import io.sunshine.directory.boundary.CertificateView;
import io.sunshine.directory.boundary.Certificates;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.control.SignatureReport;
import io.sunshine.directory.control.StampPlacement;
import io.sunshine.directory.entity.Organisation;
import io.sunshine.platform.boundary.HolidayCalendar;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.boundary.WorkQueue;
import io.sunshine.platform.control.ChineseCapitalAmount;
import io.sunshine.platform.control.DocumentStore;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.award.boundary.Awards;
import io.sunshine.procurement.award.control.AwardState;
import io.sunshine.procurement.award.entity.Award;
import io.sunshine.procurement.contract.control.ContractContent;
import io.sunshine.procurement.contract.control.ContractDeadlines;
import io.sunshine.procurement.contract.control.ContractDocument;
import io.sunshine.procurement.contract.control.ContractItem;
import io.sunshine.procurement.contract.control.ContractJson;
import io.sunshine.procurement.contract.control.ContractParty;
import io.sunshine.procurement.contract.control.ContractState;
import io.sunshine.procurement.contract.control.ContractTemplate;
import io.sunshine.procurement.contract.control.ContractTerms;
import io.sunshine.procurement.contract.control.NoticeWithholding;
import io.sunshine.procurement.contract.control.Party;
import io.sunshine.procurement.contract.control.PriceAllocation;
import io.sunshine.procurement.contract.control.SignatureBox;
import io.sunshine.procurement.contract.entity.Contract;
import io.sunshine.procurement.contract.entity.ContractFile;
import io.sunshine.procurement.contract.entity.ContractSignature;
import io.sunshine.procurement.notice.boundary.Notices;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.entity.LotItem;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.supervision.boundary.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stage 4, 合同审验: the contract of a published award. The buyer (a PURCHASER of the project's
 * purchasing unit) drafts it — parties, the lot's items at the bid price, the template's terms —
 * and may change the negotiable terms until someone signs; the buyer and the awarded supplier each
 * sign the PDF with their organisation's certificate after re-entering their password; FINANCE
 * reviews the signed contract and files it (备案) or returns it with reasons, after which the buyer
 * drafts the next version (the returned one stays as it was). The buyer publishes the contract
 * notice (合同公告), withholding commercial secrets where it chooses. Deadlines: signed within 30 days
 * of the award notice (warned from the 25th), notice within 2 working days of signing, filing
 * within 7; a late one is flagged to the supervisors ({@link ContractWatch}).
 *
 * <p>Who sees what: the buyer, the supplier and the project's agency see their contracts; FINANCE,
 * SUPERVISOR and ADMIN see all. Anything else is "not found", and the refusal is audited.
 */
@Stateless
@DeclareRoles({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
public class Contracts {
    static final String SUBJECT = "Contract";
    static final String STORE_AREA = "contracts";
    static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    /** Work item kinds (message keys of the web bundle). */
    public static final String WORK_SIGN = "work.contract.sign";

    public static final String WORK_SIGN_SOON = "work.contract.signSoon";
    public static final String WORK_REVIEW = "work.contract.review";
    public static final String WORK_NOTICE = "work.contract.notice";
    public static final String WORK_REDRAFT = "work.contract.redraft";
    public static final String WORK_LATE = "work.contract.late";

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(PlatformClock.SHANGHAI);

    @PersistenceContext EntityManager em;
    @EJB Directory directory;
    @EJB Certificates certificates;
    @EJB AuditTrail audit;
    @EJB Notices notices;
    @EJB WorkQueue work;
    @Inject HolidayCalendar holidays;
    @Resource SessionContext session;
    @Resource TransactionSynchronizationRegistry transactions;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "sunshine.pdf.font", defaultValue = DEFAULT_FONT)
    String font;

    @Inject
    @ConfigProperty(name = "sunshine.storage.dir")
    Optional<String> storageDir;

    // ---------------------------------------------------------------------------------------------
    // drafting

    /**
     * Drafts the contract of a published award: the first version, or the next after FINANCE
     * returned the last (it keeps the last version's terms).
     */
    @RolesAllowed("PURCHASER")
    public ContractView draft(long awardId) {
        Account me = caller();
        Award w = em.find(Award.class, awardId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !w.getProject().getBuyer().getId().equals(me.organisationId())) {
            if (w != null) {
                denied(SUBJECT, "award=" + awardId, "not the caller's award");
            }
            throw new Refusal(ProblemCode.AWARD_NOT_FOUND, null, String.valueOf(awardId));
        }
        Project p = w.getProject();
        if (w.getState() != AwardState.PUBLISHED) {
            refused("award=" + awardId, ProblemCode.CONTRACT_AWARD_NOT_PUBLISHED);
            throw new Refusal(
                    ProblemCode.CONTRACT_AWARD_NOT_PUBLISHED,
                    "awardId",
                    p.getReference(),
                    w.getLotNo());
        }
        List<Contract> versions = versions(awardId);
        Contract last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (last != null && last.getState() != ContractState.RETURNED) {
            refused("award=" + awardId, ProblemCode.CONTRACT_EXISTS);
            throw new Refusal(
                    ProblemCode.CONTRACT_EXISTS, "awardId", last.getContractNo(), last.getId());
        }
        Organisation buyer = p.getBuyer();
        Organisation supplier = w.getSupplier();
        Party purchaserParty = party(buyer, "purchaser");
        Party supplierParty = party(supplier, "supplier");
        ProjectLot lot = p.lot(w.getLotNo());
        List<ContractItem> items =
                PriceAllocation.allocate(
                        lot.getItems().stream()
                                .map(
                                        i ->
                                                new PriceAllocation.Line(
                                                        i.getName(),
                                                        i.getSpecification(),
                                                        i.getUnit(),
                                                        i.getQuantity(),
                                                        estimate(i)))
                                .toList(),
                        w.getAmount());
        ContractTemplate template = template(p.getMethod());
        ContractTerms terms =
                last == null
                        ? template.defaultTerms()
                        : ContractJson.read(last.getContent()).content().terms();
        int versionNo = last == null ? 1 : last.getVersionNo() + 1;
        String number = number(w, versionNo);
        Instant now = now();
        ContractContent content =
                new ContractContent(
                        number,
                        p.getTitle() + "采购合同",
                        p.getReference(),
                        p.getTitle(),
                        w.getLotNo(),
                        lot.getTitle(),
                        p.getMethod(),
                        w.getPublishedAt().atZone(PlatformClock.SHANGHAI).toLocalDate(),
                        purchaserParty,
                        supplierParty,
                        items,
                        w.getAmount(),
                        terms,
                        now,
                        versionNo);
        ContractDocument.Rendered r = render(content, template);
        Contract c =
                Contract.draft(
                        number,
                        versionNo,
                        w,
                        buyer,
                        w.getAmount(),
                        ContractJson.write(content, r.purchaserBox(), r.supplierBox()),
                        now,
                        me.username(),
                        w.getPublishedAt(),
                        ContractDeadlines.signLateFrom(w.getPublishedAt()));
        em.persist(c);
        keep(c, ContractFile.DRAFT, r.pdf(), now, me.username());
        em.flush();
        String id = String.valueOf(c.getId());
        work.complete(Awards.WORK_CONTRACT_DRAFT, "Award", String.valueOf(awardId));
        if (last != null) {
            work.complete(WORK_REDRAFT, SUBJECT, String.valueOf(last.getId()));
        }
        String title = cut(number + " " + p.getTitle() + " 第" + w.getLotNo() + "包", 300);
        work.add("PURCHASER", buyer.getId(), null, WORK_SIGN, SUBJECT, id, title, c.getSignDue());
        work.add("SUPPLIER", supplier.getId(), null, WORK_SIGN, SUBJECT, id, title, c.getSignDue());
        audit.record(
                "CONTRACT_DRAFTED",
                SUBJECT,
                id,
                last == null ? null : "returned=" + last.getId(),
                "number="
                        + number
                        + "; version="
                        + versionNo
                        + "; award="
                        + awardId
                        + "; amount="
                        + w.getAmount().toPlainString()
                        + "; sha256="
                        + c.currentFile().getSha256());
        return view(c, me);
    }

    /** The buyer changes the negotiable terms of a draft nobody has signed. */
    @RolesAllowed("PURCHASER")
    public ContractView amend(long id, ContractTerms terms) {
        Account me = caller();
        Contract c = visible(id, me, true);
        if (!isParty(c, me, ContractParty.PURCHASER)) {
            denied(SUBJECT, String.valueOf(id), "only the buyer amends");
            throw new Refusal(ProblemCode.CONTRACT_NOT_FOUND, null, String.valueOf(id));
        }
        if (c.getState() != ContractState.DRAFT) {
            refused(String.valueOf(id), ProblemCode.CONTRACT_NOT_AMENDABLE);
            throw new Refusal(
                    ProblemCode.CONTRACT_NOT_AMENDABLE, "state", c.getContractNo(), c.getState());
        }
        if (terms == null) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, "terms", "terms");
        }
        ContractTerms checked = terms.validated();
        ContractJson.Stored before = ContractJson.read(c.getContent());
        ContractContent was = before.content();
        ContractContent content = was.withTerms(checked, now());
        ContractDocument.Rendered r = render(content, template(was.method()));
        c.amend(ContractJson.write(content, r.purchaserBox(), r.supplierBox()));
        keep(c, ContractFile.DRAFT, r.pdf(), now(), me.username());
        em.flush();
        audit.record(
                "CONTRACT_TERMS_CHANGED",
                SUBJECT,
                String.valueOf(id),
                "terms=" + cut(ContractJson.terms(before.content().terms()), 900),
                "terms="
                        + cut(ContractJson.terms(checked), 900)
                        + "; sha256="
                        + c.currentFile().getSha256());
        return view(c, me);
    }

    // ---------------------------------------------------------------------------------------------
    // signing

    /**
     * The caller signs for their organisation — the buyer's PURCHASER or the supplier's SUPPLIER —
     * after re-entering their password. The first signature freezes the content; the second makes
     * the contract signed: FINANCE gets the review, the buyer the notice.
     */
    @RolesAllowed({"PURCHASER", "SUPPLIER"})
    public ContractView sign(long id, char[] password) {
        Account me = caller();
        Contract c = visible(id, me, true);
        ContractParty party =
                isParty(c, me, ContractParty.PURCHASER)
                        ? ContractParty.PURCHASER
                        : isParty(c, me, ContractParty.SUPPLIER) ? ContractParty.SUPPLIER : null;
        if (party == null) {
            denied(SUBJECT, String.valueOf(id), "not a party of the contract");
            throw new Refusal(ProblemCode.CONTRACT_NOT_FOUND, null, String.valueOf(id));
        }
        if (c.getState() != ContractState.DRAFT && c.getState() != ContractState.SIGNING) {
            refused(String.valueOf(id), ProblemCode.CONTRACT_NOT_SIGNABLE);
            throw new Refusal(
                    ProblemCode.CONTRACT_NOT_SIGNABLE, "state", c.getContractNo(), c.getState());
        }
        Optional<ContractSignature> already = c.signatureOf(party);
        if (already.isPresent()) {
            refused(String.valueOf(id), ProblemCode.CONTRACT_ALREADY_SIGNED);
            throw new Refusal(
                    ProblemCode.CONTRACT_ALREADY_SIGNED,
                    null,
                    c.getContractNo(),
                    already.get().getSigner());
        }
        if (password == null || password.length == 0) {
            throw new Refusal(ProblemCode.CONTRACT_PASSWORD_MISSING, "password");
        }
        byte[] pdf = current(c);
        ContractJson.Boxes stored = ContractJson.boxes(c.getContent());
        SignatureBox box =
                party == ContractParty.PURCHASER ? stored.purchaserBox() : stored.supplierBox();
        long orgId =
                party == ContractParty.PURCHASER
                        ? c.getPurchaser().getId()
                        : c.getSupplier().getId();
        byte[] signed;
        try {
            signed =
                    certificates.sign(
                            orgId,
                            password,
                            pdf,
                            new StampPlacement(
                                    box.pageIndex(), box.x(), box.y(), box.width(), box.height()),
                            party == ContractParty.PURCHASER ? "采购人（甲方）签署合同" : "供应商（乙方）签署合同");
        } finally {
            Arrays.fill(password, '\0');
        }
        Instant now = now();
        ContractFile file =
                keep(
                        c,
                        party == ContractParty.PURCHASER
                                ? ContractFile.SIGNED_PURCHASER
                                : ContractFile.SIGNED_SUPPLIER,
                        signed,
                        now,
                        me.username());
        String serial =
                certificates
                        .current(orgId)
                        .map(CertificateView::serial)
                        .orElseThrow(() -> new IllegalStateException("signed without certificate"));
        Instant filingDue = null;
        Instant noticeDue = null;
        if (c.getSignatures().size() == 1) {
            filingDue =
                    ContractDeadlines.workingDaysAfter(
                                    now, ContractDeadlines.FILING_WORKING_DAYS, holidays.calendar())
                            .orElse(null);
            noticeDue =
                    ContractDeadlines.workingDaysAfter(
                                    now, ContractDeadlines.NOTICE_WORKING_DAYS, holidays.calendar())
                            .orElse(null);
        }
        c.signed(
                new ContractSignature(party, orgId, me.username(), now, serial, file.getSha256()),
                filingDue,
                noticeDue);
        em.flush();
        String sid = String.valueOf(id);
        work.complete(WORK_SIGN, SUBJECT, sid, party.name(), orgId);
        work.complete(WORK_SIGN_SOON, SUBJECT, sid, party.name(), orgId);
        if (c.getState() == ContractState.SIGNED) {
            String title = cut(c.getContractNo() + " " + c.getProject().getTitle(), 300);
            work.add("FINANCE", null, null, WORK_REVIEW, SUBJECT, sid, title, c.getFilingDue());
            work.add(
                    "PURCHASER",
                    c.getPurchaser().getId(),
                    null,
                    WORK_NOTICE,
                    SUBJECT,
                    sid,
                    title,
                    c.getNoticeDue());
        }
        audit.record(
                "CONTRACT_SIGNED",
                SUBJECT,
                sid,
                "sha256=" + pdfSha(c, 2),
                "party="
                        + party
                        + "; organisation="
                        + orgId
                        + "; certificate="
                        + serial
                        + "; sha256="
                        + file.getSha256()
                        + "; state="
                        + c.getState());
        return view(c, me);
    }

    /** The platform's verifier on the contract's current PDF: each signature, valid or not. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public List<SignatureReport> verify(long id) {
        Contract c = visible(id, caller(), false);
        return certificates.verify(current(c));
    }

    /** The current PDF of the contract (the draft, or the file after the last signature). */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public Pdf pdf(long id) {
        Account me = caller();
        Contract c = visible(id, me, false);
        byte[] bytes = current(c);
        audit.record(
                "CONTRACT_DOWNLOADED",
                SUBJECT,
                String.valueOf(id),
                null,
                "sha256=" + c.currentFile().getSha256());
        return new Pdf(c.getContractNo() + ".pdf", bytes, c.currentFile().getSha256());
    }

    /** A PDF to send: its file name, bytes and SHA-256. */
    public record Pdf(String fileName, byte[] bytes, String sha256) {}

    // ---------------------------------------------------------------------------------------------
    // review and filing, notice

    /**
     * FINANCE reviews a signed contract (审验): files it (备案), which needs both signatures valid on
     * an unmodified PDF, or returns it with reasons.
     */
    @RolesAllowed("FINANCE")
    public ContractView review(long id, boolean file, String reasons) {
        Account me = caller();
        Contract c = visible(id, me, true);
        if (c.getState() != ContractState.SIGNED) {
            refused(String.valueOf(id), ProblemCode.CONTRACT_NOT_REVIEWABLE);
            throw new Refusal(
                    ProblemCode.CONTRACT_NOT_REVIEWABLE, "state", c.getContractNo(), c.getState());
        }
        String why = reasons == null || reasons.isBlank() ? null : reasons.strip();
        if (why != null && why.length() > 1000) {
            throw new Refusal(ProblemCode.CONTRACT_RETURN_REASON_REQUIRED, "reasons", 1000);
        }
        Instant now = now();
        String sid = String.valueOf(id);
        if (file) {
            List<SignatureReport> reports = certificates.verify(current(c));
            long good =
                    reports.stream()
                            .filter(
                                    r ->
                                            r.signatureValid()
                                                    && r.certificateTrusted()
                                                    && !r.modifiedAfterSigning())
                            .count();
            if (reports.size() != 2 || good != 2) {
                refused(sid, ProblemCode.CONTRACT_SIGNATURES_INVALID);
                throw new Refusal(
                        ProblemCode.CONTRACT_SIGNATURES_INVALID,
                        null,
                        c.getContractNo(),
                        reports.size(),
                        good);
            }
            c.filed(now, me.username());
            audit.record(
                    "CONTRACT_FILED",
                    SUBJECT,
                    sid,
                    "state=SIGNED",
                    "state=FILED; sha256=" + c.currentFile().getSha256() + note(why));
        } else {
            if (why == null) {
                throw new Refusal(ProblemCode.CONTRACT_RETURN_REASON_REQUIRED, "reasons", 1000);
            }
            c.returned(now, me.username(), why);
            work.add(
                    "PURCHASER",
                    c.getPurchaser().getId(),
                    null,
                    WORK_REDRAFT,
                    SUBJECT,
                    sid,
                    cut(c.getContractNo() + " 退回：" + why, 300),
                    null);
            audit.record(
                    "CONTRACT_RETURNED",
                    SUBJECT,
                    sid,
                    "state=SIGNED",
                    "state=RETURNED" + note(why));
        }
        em.flush();
        work.complete(WORK_REVIEW, SUBJECT, sid);
        return view(c, me);
    }

    /**
     * The buyer publishes the contract notice (合同公告) of a signed contract, withholding the fields
     * it names as commercial secrets (政府采购法实施条例 第五十条).
     */
    @RolesAllowed("PURCHASER")
    public ContractView publishNotice(long id, Set<String> withheld) {
        Account me = caller();
        Contract c = visible(id, me, true);
        if (!isParty(c, me, ContractParty.PURCHASER)) {
            denied(SUBJECT, String.valueOf(id), "only the buyer publishes the notice");
            throw new Refusal(ProblemCode.CONTRACT_NOT_FOUND, null, String.valueOf(id));
        }
        if (c.getState() != ContractState.SIGNED && c.getState() != ContractState.FILED) {
            refused(String.valueOf(id), ProblemCode.CONTRACT_NOTICE_NOT_READY);
            throw new Refusal(
                    ProblemCode.CONTRACT_NOTICE_NOT_READY,
                    "state",
                    c.getContractNo(),
                    c.getState());
        }
        if (c.getNotice() != null) {
            refused(String.valueOf(id), ProblemCode.CONTRACT_NOTICE_PUBLISHED);
            throw new Refusal(
                    ProblemCode.CONTRACT_NOTICE_PUBLISHED,
                    null,
                    c.getContractNo(),
                    c.getNotice().getNoticeNo());
        }
        NoticeWithholding withholding = NoticeWithholding.of(withheld);
        ContractContent content = ContractJson.read(c.getContent()).content();
        Instant now = now();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("contractNumber", c.getContractNo());
        v.put("supplierName", c.getSupplier().getName());
        v.put("amount", content.total().setScale(2).toPlainString());
        v.put("amountCapitals", ChineseCapitalAmount.of(c.getAmount()));
        v.put("period", withholding.period(content.terms().deliveryPeriod()));
        v.put("items", withholding.items(content.items()));
        v.put("signedOn", DAY.format(c.getSignedAt()));
        PublishedNotice n = notices.contract(c.getProject(), v, now, me.username());
        c.noticePublished(n, withholding.stored());
        em.flush();
        work.complete(WORK_NOTICE, SUBJECT, String.valueOf(id));
        audit.record(
                "CONTRACT_NOTICE_PUBLISHED",
                SUBJECT,
                String.valueOf(id),
                null,
                "notice=" + n.getNoticeNo() + "; withheld=" + withholding.stored());
        return view(c, me);
    }

    // ---------------------------------------------------------------------------------------------
    // reading

    /** One contract version as the caller may see it. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public ContractView get(long id) {
        Account me = caller();
        return view(visible(id, me, false), me);
    }

    /** Every version of the contract of an award, oldest first. */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public List<ContractView> ofAward(long awardId) {
        Account me = caller();
        List<ContractView> out = new ArrayList<>();
        for (Contract c : versions(awardId)) {
            if (sees(c, me)) {
                out.add(view(c, me));
            }
        }
        return out;
    }

    /**
     * The caller's contracts, newest first: their organisation's as buyer, supplier or agency;
     * every contract for FINANCE, SUPERVISOR and ADMIN.
     */
    @RolesAllowed({"SUPPLIER", "AGENCY", "PURCHASER", "FINANCE", "SUPERVISOR", "ADMIN"})
    public List<ContractView> mine(int max) {
        Account me = caller();
        boolean all = overseer();
        jakarta.persistence.TypedQuery<Contract> q =
                all
                        ? em.createQuery(
                                "SELECT c FROM Contract c ORDER BY c.draftedAt DESC, c.id",
                                Contract.class)
                        : em.createQuery(
                                        "SELECT c FROM Contract c WHERE c.purchaser.id = :o OR"
                                                + " c.supplier.id = :o OR c.project.agency.id = :o"
                                                + " ORDER BY c.draftedAt DESC, c.id",
                                        Contract.class)
                                .setParameter("o", me.organisationId());
        List<Contract> list = q.setMaxResults(Math.max(1, Math.min(max, 200))).getResultList();
        return list.stream().filter(c -> sees(c, me)).map(c -> view(c, me)).toList();
    }

    // ---------------------------------------------------------------------------------------------

    ContractView view(Contract c, Account me) {
        ContractJson.Stored s = ContractJson.read(c.getContent());
        ContractContent content = s.content();
        Instant now = clock.instant();
        boolean open = c.getState() == ContractState.DRAFT || c.getState() == ContractState.SIGNING;
        String signStatus =
                !open
                        ? (c.getSignedAt() != null && !c.getSignedAt().isBefore(c.getSignDue())
                                ? "LATE"
                                : "DONE")
                        : !now.isBefore(c.getSignDue())
                                ? "LATE"
                                : !now.isBefore(
                                                ContractDeadlines.signWarnFrom(
                                                        c.getAwardPublishedAt()))
                                        ? "WARNING"
                                        : "OPEN";
        List<ContractView.Signature> sigs = new ArrayList<>();
        for (ContractSignature g : c.getSignatures()) {
            Organisation o =
                    g.getParty() == ContractParty.PURCHASER ? c.getPurchaser() : c.getSupplier();
            sigs.add(
                    new ContractView.Signature(
                            g.getParty(),
                            o.getName(),
                            g.getSigner(),
                            g.getSignedAt(),
                            g.getCertificateSerial(),
                            g.getDocumentSha256()));
        }
        ContractParty myParty =
                isParty(c, me, ContractParty.PURCHASER)
                        ? ContractParty.PURCHASER
                        : isParty(c, me, ContractParty.SUPPLIER) ? ContractParty.SUPPLIER : null;
        boolean latest =
                versions(c.getAward().getId()).stream()
                        .allMatch(v -> v.getVersionNo() <= c.getVersionNo());
        return new ContractView(
                c.getId(),
                c.getContractNo(),
                c.getVersionNo(),
                c.getAward().getId(),
                c.getProject().getId(),
                c.getProject().getReference(),
                c.getProject().getTitle(),
                c.getLotNo(),
                content.lotTitle(),
                content.purchaser(),
                content.supplier(),
                content.items(),
                c.getAmount(),
                ChineseCapitalAmount.of(c.getAmount()),
                content.terms(),
                c.getState(),
                c.getDraftedAt(),
                c.getDraftedBy(),
                c.getAwardPublishedAt(),
                c.getSignDue(),
                signStatus,
                c.getSignedAt(),
                c.getFilingDue(),
                c.getNoticeDue(),
                c.getReviewedAt(),
                c.getReviewedBy(),
                c.getReviewReasons(),
                c.getNotice() == null ? null : c.getNotice().getNoticeNo(),
                c.getNotice() == null ? null : c.getNotice().getId(),
                c.getNoticeWithheld(),
                sigs,
                c.currentFile().getSha256(),
                c.currentFile().getSize(),
                new ContractView.Allowed(
                        myParty == ContractParty.PURCHASER && c.getState() == ContractState.DRAFT,
                        myParty != null && open && c.signatureOf(myParty).isEmpty(),
                        session.isCallerInRole("FINANCE") && c.getState() == ContractState.SIGNED,
                        myParty == ContractParty.PURCHASER
                                && c.getNotice() == null
                                && (c.getState() == ContractState.SIGNED
                                        || c.getState() == ContractState.FILED),
                        myParty == ContractParty.PURCHASER
                                && c.getState() == ContractState.RETURNED
                                && latest),
                myParty);
    }

    /** The templates of config/contracts, read once per method. */
    private static final Map<ProcurementMethod, ContractTemplate> TEMPLATES =
            new ConcurrentHashMap<>();

    private static ContractTemplate template(ProcurementMethod method) {
        return TEMPLATES.computeIfAbsent(
                method, m -> ContractTemplate.load(m, Contracts.class.getClassLoader()));
    }

    private ContractDocument.Rendered render(ContractContent content, ContractTemplate template) {
        return ContractDocument.render(content, template, Path.of(font));
    }

    /** Stores a PDF of the version; the file is removed again if the transaction rolls back. */
    private ContractFile keep(Contract c, String kind, byte[] pdf, Instant at, String by) {
        DocumentStore store = store();
        DocumentStore.Stored stored = store.put(pdf);
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
        c.addFile(kind, stored.storageName(), stored.sha256(), stored.size(), at, by);
        return c.currentFile();
    }

    /** The current PDF, checked against its recorded hash. */
    private byte[] current(Contract c) {
        ContractFile f = c.currentFile();
        byte[] bytes;
        try {
            bytes = store().get(f.getStorageName());
        } catch (UncheckedIOException e) {
            bytes = null;
        }
        if (bytes == null || !DocumentStore.sha256(bytes).equals(f.getSha256())) {
            throw new Refusal(ProblemCode.CONTRACT_DOCUMENT_DAMAGED, null, c.getContractNo());
        }
        return bytes;
    }

    private static String pdfSha(Contract c, int fromEnd) {
        List<ContractFile> f = c.getFiles();
        return f.size() >= fromEnd ? f.get(f.size() - fromEnd).getSha256() : null;
    }

    private DocumentStore store() {
        return DocumentStore.area(storageDir, STORE_AREA);
    }

    private Party party(Organisation o, String field) {
        String missing =
                blank(o.getAddress())
                        ? "address"
                        : blank(o.getBankName())
                                ? "bankName"
                                : blank(o.getBankAccountNumber())
                                        ? "bankAccountNumber"
                                        : blank(o.getCreditCode()) ? "creditCode" : null;
        if (missing != null) {
            refused("organisation=" + o.getId(), ProblemCode.CONTRACT_PARTY_INCOMPLETE);
            throw new Refusal(
                    ProblemCode.CONTRACT_PARTY_INCOMPLETE,
                    field + "." + missing,
                    o.getName(),
                    missing);
        }
        return new Party(
                o.getName(),
                o.getCreditCode(),
                o.getAddress(),
                o.getLegalRepresentative(),
                o.getPhone(),
                o.getBankName(),
                blank(o.getBankAccountName()) ? o.getName() : o.getBankAccountName(),
                o.getBankAccountNumber());
    }

    /** A lot item's estimated amount: its own, or quantity × unit price. */
    private static BigDecimal estimate(LotItem i) {
        if (i.getAmount() != null) {
            return i.getAmount();
        }
        return i.getUnitPrice().multiply(i.getQuantity());
    }

    /** 合同编号: HT + the year of the award notice + the award's number; -V2… for later versions. */
    private static String number(Award w, int versionNo) {
        String base =
                String.format(
                        "HT%d-%06d",
                        w.getPublishedAt().atZone(PlatformClock.SHANGHAI).getYear(), w.getId());
        return versionNo == 1 ? base : base + "-V" + versionNo;
    }

    private List<Contract> versions(long awardId) {
        return em.createQuery(
                        "SELECT c FROM Contract c WHERE c.award.id = :a ORDER BY c.versionNo",
                        Contract.class)
                .setParameter("a", awardId)
                .getResultList();
    }

    /** The contract if the caller may see it; "not found" (audited) otherwise. */
    private Contract visible(long id, Account me, boolean lock) {
        Contract c =
                lock
                        ? em.find(Contract.class, id, LockModeType.PESSIMISTIC_WRITE)
                        : em.find(Contract.class, id);
        if (c == null) {
            throw new Refusal(ProblemCode.CONTRACT_NOT_FOUND, null, String.valueOf(id));
        }
        if (!sees(c, me)) {
            denied(SUBJECT, String.valueOf(id), "not the caller's contract");
            throw new Refusal(ProblemCode.CONTRACT_NOT_FOUND, null, String.valueOf(id));
        }
        return c;
    }

    private boolean sees(Contract c, Account me) {
        return overseer()
                || isParty(c, me, ContractParty.PURCHASER)
                || isParty(c, me, ContractParty.SUPPLIER)
                || session.isCallerInRole("AGENCY")
                        && c.getProject().getAgency().getId().equals(me.organisationId());
    }

    private boolean overseer() {
        return session.isCallerInRole("FINANCE")
                || session.isCallerInRole("SUPERVISOR")
                || session.isCallerInRole("ADMIN");
    }

    private boolean isParty(Contract c, Account me, ContractParty party) {
        return party == ContractParty.PURCHASER
                ? session.isCallerInRole("PURCHASER")
                        && c.getPurchaser().getId().equals(me.organisationId())
                : session.isCallerInRole("SUPPLIER")
                        && c.getSupplier().getId().equals(me.organisationId());
    }

    private void denied(String type, String id, String why) {
        audit.recordRefusal("ACCESS_DENIED", type, id, null, why);
    }

    private void refused(String id, ProblemCode code) {
        audit.recordRefusal("CONTRACT_COMMAND_REFUSED", SUBJECT, id, null, "code=" + code);
    }

    private Instant now() {
        // milliseconds: what the answer says is what the database keeps and later reads say
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String note(String why) {
        return why == null ? "" : "; reasons=" + cut(why, 500);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private Account caller() {
        return directory
                .findAccount(session.getCallerPrincipal().getName())
                .orElseThrow(() -> new Refusal(ProblemCode.AUTHENTICATION_REQUIRED, null));
    }
}

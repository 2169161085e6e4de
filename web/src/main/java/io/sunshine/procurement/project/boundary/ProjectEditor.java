package io.sunshine.procurement.project.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.boundary.PdfAttachment;
import io.sunshine.platform.boundary.PlatformClock;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.auction.boundary.AuctionView;
import io.sunshine.procurement.auction.boundary.Auctions;
import io.sunshine.procurement.auction.control.AuctionRules;
import io.sunshine.procurement.auction.control.AuctionSettings;
import io.sunshine.procurement.auction.control.Decrement;
import io.sunshine.procurement.award.boundary.AwardView;
import io.sunshine.procurement.award.boundary.Awards;
import io.sunshine.procurement.award.control.AwardState;
import io.sunshine.procurement.contract.boundary.ContractView;
import io.sunshine.procurement.contract.boundary.Contracts;
import io.sunshine.procurement.project.entity.ProjectState;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * One procurement project: the managing agency (or unit) edits the draft — title, method, deadline,
 * how the items fall into lots, each lot's bid security and SME reservation — uploads the documents
 * and publishes it; afterwards it corrects or terminates it. Other readers see it read-only with
 * its notices.
 */
@Named
@ViewScoped
public class ProjectEditor implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Projects projects;
    @EJB Auctions auctions;
    @EJB Awards awards;
    @EJB Contracts contracts;

    private Long id;
    private Long awardId;
    private final Map<Long, ContractView> contractOf = new HashMap<>();
    private final List<LotResult> results = new ArrayList<>();
    private ProjectView view;
    private java.util.Map<Integer, Long> auctionOfLot = java.util.Map.of();
    private boolean manager;

    private String title;
    private String description;
    private ProcurementMethod method;
    private String methodReason;
    private String qualification;
    private LocalDateTime bidDeadline;
    private LocalDateTime auctionStart;
    private final List<ItemRow> items = new ArrayList<>();
    private final List<LotRow> lots = new ArrayList<>();

    private String rationale;
    private boolean affectsBids = true;
    private LocalDateTime newDeadline;
    private String terminationReason;
    private transient UploadedFile file;

    /** An item and the lot it is in. */
    public static class ItemRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ProjectView.ItemView item;
        private Integer lotNo;

        ItemRow(ProjectView.ItemView item, int lotNo) {
            this.item = item;
            this.lotNo = lotNo;
        }

        public ProjectView.ItemView getItem() {
            return item;
        }

        public Integer getLotNo() {
            return lotNo;
        }

        public void setLotNo(Integer lotNo) {
            this.lotNo = lotNo;
        }
    }

    /** A lot's own fields. */
    public static class LotRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private int lotNo;
        private String title;
        private BigDecimal bidSecurity;
        private boolean smeOnly;
        private String qualification;
        private BigDecimal budget = BigDecimal.ZERO;
        // a reverse auction's rules for the lot (blank: the default)
        private BigDecimal ceiling;
        private Decrement.Kind decrementKind;
        private BigDecimal decrementValue;
        private AuctionRules.Basis basis;
        private Integer windowMinutes;
        private Integer extensionMinutes;
        private Integer maxExtensions;
        private AuctionRules.Visibility visibility;
        private Integer minBidders;
        private Integer durationMinutes;

        AuctionSettings auction() {
            return new AuctionSettings(
                    ceiling,
                    decrementKind,
                    decrementValue,
                    basis,
                    windowMinutes,
                    extensionMinutes,
                    maxExtensions,
                    visibility,
                    minBidders,
                    durationMinutes);
        }

        void auction(AuctionSettings a) {
            if (a == null) {
                return;
            }
            ceiling = a.ceiling();
            decrementKind = a.decrementKind();
            decrementValue = a.decrementValue();
            basis = a.basis();
            windowMinutes = a.windowMinutes();
            extensionMinutes = a.extensionMinutes();
            maxExtensions = a.maxExtensions();
            visibility = a.visibility();
            minBidders = a.minBidders();
            durationMinutes = a.durationMinutes();
        }

        public BigDecimal getCeiling() {
            return ceiling;
        }

        public void setCeiling(BigDecimal ceiling) {
            this.ceiling = ceiling;
        }

        public Decrement.Kind getDecrementKind() {
            return decrementKind;
        }

        public void setDecrementKind(Decrement.Kind decrementKind) {
            this.decrementKind = decrementKind;
        }

        public BigDecimal getDecrementValue() {
            return decrementValue;
        }

        public void setDecrementValue(BigDecimal decrementValue) {
            this.decrementValue = decrementValue;
        }

        public AuctionRules.Basis getBasis() {
            return basis;
        }

        public void setBasis(AuctionRules.Basis basis) {
            this.basis = basis;
        }

        public Integer getWindowMinutes() {
            return windowMinutes;
        }

        public void setWindowMinutes(Integer windowMinutes) {
            this.windowMinutes = windowMinutes;
        }

        public Integer getExtensionMinutes() {
            return extensionMinutes;
        }

        public void setExtensionMinutes(Integer extensionMinutes) {
            this.extensionMinutes = extensionMinutes;
        }

        public Integer getMaxExtensions() {
            return maxExtensions;
        }

        public void setMaxExtensions(Integer maxExtensions) {
            this.maxExtensions = maxExtensions;
        }

        public AuctionRules.Visibility getVisibility() {
            return visibility;
        }

        public void setVisibility(AuctionRules.Visibility visibility) {
            this.visibility = visibility;
        }

        public Integer getMinBidders() {
            return minBidders;
        }

        public void setMinBidders(Integer minBidders) {
            this.minBidders = minBidders;
        }

        public Integer getDurationMinutes() {
            return durationMinutes;
        }

        public void setDurationMinutes(Integer durationMinutes) {
            this.durationMinutes = durationMinutes;
        }

        public int getLotNo() {
            return lotNo;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public BigDecimal getBidSecurity() {
            return bidSecurity;
        }

        public void setBidSecurity(BigDecimal bidSecurity) {
            this.bidSecurity = bidSecurity;
        }

        public boolean isSmeOnly() {
            return smeOnly;
        }

        public void setSmeOnly(boolean smeOnly) {
            this.smeOnly = smeOnly;
        }

        public String getQualification() {
            return qualification;
        }

        public void setQualification(String qualification) {
            this.qualification = qualification;
        }

        public BigDecimal getBudget() {
            return budget;
        }
    }

    /**
     * A lot's auction result and its award, as the page shows them: the auction's state, the winner
     * and saving or the reason it failed, and the award with its notice.
     *
     * @param bidders how many suppliers bid (the monitor's ladder)
     * @param award the prepared or published award, or {@code null}
     */
    public record LotResult(
            int lotNo,
            long auctionId,
            String status,
            Instant closesAt,
            String winnerAlias,
            String winnerName,
            BigDecimal winningAmount,
            BigDecimal saving,
            BigDecimal ceiling,
            int qualified,
            int minimum,
            int bidders,
            AwardView award)
            implements Serializable {
        public boolean isFailedForTooFewQualified() {
            return "FAILED".equals(status) && qualified < minimum;
        }
    }

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback() || (id == null && awardId == null)) {
            return;
        }
        try {
            if (id == null) {
                // from a work item about an award: its project
                id = awards.get(awardId).projectId();
            }
            view = projects.get(id);
            manager = projects.manages(id);
            auctionOfLot = auctions.byLot(id);
            loadResults();
            loadContracts();
        } catch (Refusal r) {
            FacesProblems.show(r, null);
            return;
        }
        fillFrom(view);
    }

    /** The auctions' results and awards, one per lot (reverse auctions only). */
    private void loadResults() {
        results.clear();
        if (view.method() != ProcurementMethod.REVERSE_AUCTION
                || view.state() == ProjectState.DRAFT) {
            return;
        }
        Map<Integer, AwardView> byLot = new TreeMap<>();
        awards.ofProject(view.id()).forEach(w -> byLot.put(w.lotNo(), w));
        for (Long auctionId : auctions.ofProject(view.id())) {
            AuctionView a = auctions.get(auctionId);
            AuctionView.Result r = a.result();
            results.add(
                    new LotResult(
                            a.lotNo(),
                            a.id(),
                            a.status(),
                            a.closesAt(),
                            r == null ? null : r.winnerAlias(),
                            r == null ? null : r.winnerName(),
                            r == null ? null : r.winningAmount(),
                            r == null ? null : r.saving(),
                            a.ceiling(),
                            r == null ? 0 : r.qualified(),
                            a.minBidders(),
                            a.ladder().size(),
                            byLot.get(a.lotNo())));
        }
    }

    /** The latest contract version of each published award the caller may see. */
    private void loadContracts() {
        contractOf.clear();
        for (LotResult r : results) {
            if (r.award() != null && r.award().state() == AwardState.PUBLISHED) {
                List<ContractView> versions = contracts.ofAward(r.award().id());
                if (!versions.isEmpty()) {
                    contractOf.put(r.award().id(), versions.get(versions.size() - 1));
                }
            }
        }
    }

    public ContractView contractOf(long awardId) {
        return contractOf.get(awardId);
    }

    /** The buyer drafts the contract of a published award; the page moves to it. */
    public String draftContract(long awardId) {
        try {
            ContractView c = contracts.draft(awardId);
            return "/contracts/contract?faces-redirect=true&id=" + c.id();
        } catch (Refusal r) {
            FacesProblems.show(r, null);
            return null;
        }
    }

    /** Publishes the award notice of one lot's prepared award. */
    public void publishAward(long awardId) {
        try {
            AwardView w = awards.publish(awardId);
            view = projects.get(view.id());
            loadResults();
            FacesProblems.info("award.published", w.noticeNo());
        } catch (Refusal r) {
            FacesProblems.show(r, "award");
        }
    }

    public List<LotResult> getResults() {
        return results;
    }

    public Long getAwardId() {
        return awardId;
    }

    public void setAwardId(Long awardId) {
        this.awardId = awardId;
    }

    private void fillFrom(ProjectView v) {
        title = v.title();
        description = v.description();
        method = v.method();
        methodReason = v.methodReason();
        qualification = v.qualification();
        bidDeadline = local(v.bidDeadline());
        auctionStart = local(v.auctionStart());
        items.clear();
        lots.clear();
        for (ProjectView.LotView l : v.lots()) {
            LotRow row = new LotRow();
            row.lotNo = l.lotNo();
            row.title = l.title();
            row.bidSecurity = l.bidSecurity();
            row.smeOnly = l.smeOnly();
            row.qualification = l.qualification();
            row.budget = l.budget();
            row.auction(l.auction());
            lots.add(row);
            for (ProjectView.ItemView i : l.items()) {
                items.add(new ItemRow(i, l.lotNo()));
            }
        }
    }

    /** Re-forms the lots from the lot numbers given to the items (keeping what was typed). */
    public void regroup() {
        Map<Integer, LotRow> old = new TreeMap<>();
        lots.forEach(l -> old.put(l.lotNo, l));
        Map<Integer, LotRow> fresh = new TreeMap<>();
        for (ItemRow i : items) {
            int no = i.lotNo == null || i.lotNo < 1 ? 1 : i.lotNo;
            i.lotNo = no;
            LotRow row = fresh.computeIfAbsent(no, n -> copyOrNew(old.get(n), n));
            row.budget = row.budget.add(i.item.amount());
        }
        // lots are numbered 1, 2, … in the order of the numbers given
        lots.clear();
        int n = 1;
        for (Map.Entry<Integer, LotRow> e : fresh.entrySet()) {
            int given = e.getKey();
            LotRow row = e.getValue();
            row.lotNo = n;
            for (ItemRow i : items) {
                if (i.lotNo == given) {
                    i.lotNo = -n;
                }
            }
            lots.add(row);
            n++;
        }
        items.forEach(i -> i.lotNo = -i.lotNo);
    }

    private LotRow copyOrNew(LotRow old, int no) {
        LotRow row = new LotRow();
        row.lotNo = no;
        if (old != null) {
            row.title = old.title;
            row.bidSecurity = old.bidSecurity;
            row.smeOnly = old.smeOnly;
            row.qualification = old.qualification;
            row.auction(old.auction());
        } else {
            row.title = "第" + no + "包";
        }
        return row;
    }

    private ProjectDraft draft() {
        regroup();
        List<ProjectDraft.LotDraft> lotDrafts = new ArrayList<>();
        for (LotRow l : lots) {
            lotDrafts.add(
                    new ProjectDraft.LotDraft(
                            l.title,
                            items.stream()
                                    .filter(i -> i.lotNo == l.lotNo)
                                    .map(i -> i.item.requirementItemId())
                                    .toList(),
                            l.bidSecurity,
                            l.smeOnly,
                            l.qualification,
                            method == ProcurementMethod.REVERSE_AUCTION ? l.auction() : null));
        }
        return new ProjectDraft(
                view.requirementIds(),
                title,
                description,
                method,
                methodReason,
                qualification,
                instant(bidDeadline),
                method == ProcurementMethod.REVERSE_AUCTION ? instant(auctionStart) : null,
                lotDrafts);
    }

    public void save() {
        try {
            view = projects.update(view.id(), draft());
            fillFrom(view);
            FacesProblems.info("prj.saved", view.reference());
        } catch (Refusal r) {
            FacesProblems.show(r, "prj");
        }
    }

    public void publish() {
        try {
            view = projects.update(view.id(), draft());
            view = projects.publish(view.id());
            fillFrom(view);
            FacesProblems.info("prj.published", view.reference());
        } catch (Refusal r) {
            FacesProblems.show(r, "prj");
        }
    }

    /** Uploads the chosen PDF (a whole-form, non-AJAX post). */
    public void upload() {
        try {
            projects.addDocument(
                    view.id(),
                    file == null ? null : file.getFileName(),
                    file == null ? null : file.getContent());
            view = projects.get(view.id());
            FacesProblems.info("prj.uploaded", file.getFileName());
        } catch (Refusal r) {
            FacesProblems.show(r, "upload");
        } finally {
            file = null;
        }
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public StreamedContent download(long documentId) {
        try {
            Projects.DocumentContent c = projects.document(view.id(), documentId);
            return PdfAttachment.streamed(c.document().fileName(), c.bytes());
        } catch (Refusal r) {
            FacesProblems.show(r, null);
            return null;
        }
    }

    public void correct() {
        try {
            view = projects.correct(view.id(), rationale, affectsBids, instant(newDeadline));
            fillFrom(view);
            rationale = null;
            newDeadline = null;
            FacesProblems.info("prj.corrected", view.reference());
        } catch (Refusal r) {
            FacesProblems.show(r, "correction");
        }
    }

    public void terminate() {
        try {
            view = projects.terminate(view.id(), terminationReason);
            fillFrom(view);
            FacesProblems.info("prj.terminated", view.reference());
        } catch (Refusal r) {
            FacesProblems.show(r, "termination");
        }
    }

    public boolean isEditable() {
        return view != null && manager && view.state() == ProjectState.DRAFT;
    }

    public boolean isCorrectable() {
        return view != null && manager && view.state() == ProjectState.PUBLISHED;
    }

    public ProcurementMethod[] getMethods() {
        return ProcurementMethod.values();
    }

    private static LocalDateTime local(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, PlatformClock.SHANGHAI);
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(PlatformClock.SHANGHAI).toInstant();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** Lot number → its auction (for the monitor link), once published as a reverse auction. */
    public java.util.Map<Integer, Long> getAuctionOfLot() {
        return auctionOfLot;
    }

    public Decrement.Kind[] getDecrementKinds() {
        return new Decrement.Kind[] {Decrement.Kind.PERCENT, Decrement.Kind.AMOUNT};
    }

    public AuctionRules.Basis[] getBases() {
        return AuctionRules.Basis.values();
    }

    public AuctionRules.Visibility[] getVisibilities() {
        return AuctionRules.Visibility.values();
    }

    public ProjectView getView() {
        return view;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public ProcurementMethod getMethod() {
        return method;
    }

    public void setMethod(ProcurementMethod method) {
        this.method = method;
    }

    public String getMethodReason() {
        return methodReason;
    }

    public void setMethodReason(String methodReason) {
        this.methodReason = methodReason;
    }

    public String getQualification() {
        return qualification;
    }

    public void setQualification(String qualification) {
        this.qualification = qualification;
    }

    public LocalDateTime getBidDeadline() {
        return bidDeadline;
    }

    public void setBidDeadline(LocalDateTime bidDeadline) {
        this.bidDeadline = bidDeadline;
    }

    public LocalDateTime getAuctionStart() {
        return auctionStart;
    }

    public void setAuctionStart(LocalDateTime auctionStart) {
        this.auctionStart = auctionStart;
    }

    public List<ItemRow> getItems() {
        return items;
    }

    public List<LotRow> getLots() {
        return lots;
    }

    public String getRationale() {
        return rationale;
    }

    public void setRationale(String rationale) {
        this.rationale = rationale;
    }

    public boolean isAffectsBids() {
        return affectsBids;
    }

    public void setAffectsBids(boolean affectsBids) {
        this.affectsBids = affectsBids;
    }

    public LocalDateTime getNewDeadline() {
        return newDeadline;
    }

    public void setNewDeadline(LocalDateTime newDeadline) {
        this.newDeadline = newDeadline;
    }

    public String getTerminationReason() {
        return terminationReason;
    }

    public void setTerminationReason(String terminationReason) {
        this.terminationReason = terminationReason;
    }
}

package io.sunshine.procurement.contract.boundary;

import io.sunshine.directory.control.SignatureReport;
import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.contract.control.ContractState;
import io.sunshine.procurement.contract.control.ContractTerms;
import io.sunshine.procurement.contract.control.DisputeResolution;
import io.sunshine.procurement.contract.control.Milestone;
import io.sunshine.procurement.contract.control.NoticeWithholding;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The contract page (/contracts/contract.xhtml?id=): one version of a contract for everyone who may
 * see it, with what the caller may do now — the buyer edits the terms of a draft and publishes the
 * notice, each party signs after re-entering the password, FINANCE files or returns it; everyone
 * verifies the signatures and downloads the PDF.
 */
@Named
@ViewScoped
public class ContractPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Contracts contracts;

    private Long id;
    private ContractView view;
    private List<ContractView> history = List.of();
    private List<SignatureReport> reports;

    // the terms form (buyer, draft only)
    private String deliveryPlace;
    private String deliveryPeriod;
    private String acceptance;
    private String warranty;
    private BigDecimal bondPercent;
    private String dispute;
    private String disputeBody;
    private String otherTerms;
    private List<MilestoneRow> milestones = new ArrayList<>();

    private String password;
    private String reasons;
    private List<String> withheld = new ArrayList<>();

    /** A milestone as the form edits it. */
    public static class MilestoneRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private BigDecimal percent;
        private String condition;

        public MilestoneRow() {}

        MilestoneRow(Milestone m) {
            name = m.name();
            percent = m.percent();
            condition = m.condition();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public BigDecimal getPercent() {
            return percent;
        }

        public void setPercent(BigDecimal percent) {
            this.percent = percent;
        }

        public String getCondition() {
            return condition;
        }

        public void setCondition(String condition) {
            this.condition = condition;
        }
    }

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback() || id == null) {
            return;
        }
        try {
            refresh(contracts.get(id));
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
    }

    private void refresh(ContractView v) {
        view = v;
        id = v.id();
        history = contracts.ofAward(v.awardId());
        reports = null;
        ContractTerms t = v.terms();
        deliveryPlace = t.deliveryPlace();
        deliveryPeriod = t.deliveryPeriod();
        acceptance = t.acceptance();
        warranty = t.warranty();
        bondPercent = t.bondPercent();
        dispute = t.dispute() == null ? null : t.dispute().name();
        disputeBody = t.disputeBody();
        otherTerms = t.otherTerms();
        milestones = new ArrayList<>(t.milestones().stream().map(MilestoneRow::new).toList());
        password = null;
    }

    public void addMilestone() {
        milestones.add(new MilestoneRow());
    }

    public void removeMilestone(int index) {
        if (index >= 0 && index < milestones.size()) {
            milestones.remove(index);
        }
    }

    public void saveTerms() {
        try {
            ContractTerms t =
                    new ContractTerms(
                            deliveryPlace,
                            deliveryPeriod,
                            acceptance,
                            warranty,
                            milestones.stream()
                                    .map(m -> new Milestone(m.name, m.percent, m.condition))
                                    .toList(),
                            bondPercent,
                            dispute == null || dispute.isBlank()
                                    ? null
                                    : DisputeResolution.valueOf(dispute),
                            disputeBody,
                            otherTerms);
            refresh(contracts.amend(id, t));
            FacesProblems.info("contract.terms.saved");
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
    }

    public void sign() {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        password = null;
        try {
            refresh(contracts.sign(id, pw));
            FacesProblems.info("contract.signed");
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    public void verify() {
        try {
            reports = contracts.verify(id);
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
    }

    public void file() {
        review(true);
    }

    public void giveBack() {
        review(false);
    }

    private void review(boolean file) {
        try {
            refresh(contracts.review(id, file, reasons));
            reasons = null;
            FacesProblems.info(file ? "contract.filed" : "contract.returned");
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
    }

    public void publishNotice() {
        try {
            refresh(contracts.publishNotice(id, new LinkedHashSet<>(withheld)));
            FacesProblems.info("contract.notice.published", view.noticeNo());
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
    }

    /** The buyer drafts the next version of a returned contract; the page moves to it. */
    public String redraft() {
        try {
            ContractView next = contracts.draft(view.awardId());
            return "/contracts/contract?faces-redirect=true&id=" + next.id();
        } catch (Refusal r) {
            FacesProblems.show(r, null);
            return null;
        }
    }

    public StreamedContent getPdf() {
        Contracts.Pdf pdf = contracts.pdf(id);
        return DefaultStreamedContent.builder()
                .name(pdf.fileName())
                .contentType("application/pdf")
                .contentLength((long) pdf.bytes().length)
                .stream(() -> new ByteArrayInputStream(pdf.bytes()))
                .build();
    }

    public List<String> getWithholdable() {
        return NoticeWithholding.FIELDS;
    }

    public List<String> getDisputes() {
        return Arrays.stream(DisputeResolution.values()).map(Enum::name).toList();
    }

    public boolean isDraft() {
        return view != null && view.state() == ContractState.DRAFT;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ContractView getView() {
        return view;
    }

    public List<ContractView> getHistory() {
        return history;
    }

    public List<SignatureReport> getReports() {
        return reports;
    }

    public String getDeliveryPlace() {
        return deliveryPlace;
    }

    public void setDeliveryPlace(String v) {
        deliveryPlace = v;
    }

    public String getDeliveryPeriod() {
        return deliveryPeriod;
    }

    public void setDeliveryPeriod(String v) {
        deliveryPeriod = v;
    }

    public String getAcceptance() {
        return acceptance;
    }

    public void setAcceptance(String v) {
        acceptance = v;
    }

    public String getWarranty() {
        return warranty;
    }

    public void setWarranty(String v) {
        warranty = v;
    }

    public BigDecimal getBondPercent() {
        return bondPercent;
    }

    public void setBondPercent(BigDecimal v) {
        bondPercent = v;
    }

    public String getDispute() {
        return dispute;
    }

    public void setDispute(String v) {
        dispute = v;
    }

    public String getDisputeBody() {
        return disputeBody;
    }

    public void setDisputeBody(String v) {
        disputeBody = v;
    }

    public String getOtherTerms() {
        return otherTerms;
    }

    public void setOtherTerms(String v) {
        otherTerms = v;
    }

    public List<MilestoneRow> getMilestones() {
        return milestones;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String v) {
        password = v;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String v) {
        reasons = v;
    }

    public List<String> getWithheld() {
        return withheld;
    }

    public void setWithheld(List<String> v) {
        withheld = v == null ? new ArrayList<>() : v;
    }
}

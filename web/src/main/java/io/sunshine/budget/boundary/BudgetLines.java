package io.sunshine.budget.boundary;

import io.sunshine.budget.entity.FundingSource;
import io.sunshine.directory.boundary.CurrentUser;
import io.sunshine.directory.boundary.Directory;
import io.sunshine.directory.boundary.OrganisationView;
import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The budget line list: FINANCE sees every unit's lines and creates and adjusts them; a purchasing
 * unit sees its own. Each line opens onto its movements.
 */
@Named
@ViewScoped
public class BudgetLines implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Budget budget;
    @EJB Directory directory;
    @Inject CurrentUser currentUser;

    private Integer year;
    private List<BudgetLineView> lines;
    private final Map<Long, List<BudgetEntryView>> entries = new HashMap<>();
    private List<OrganisationView> units;

    // the new-line form
    private Integer newYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    private String code;
    private String name;
    private Long unitId;
    private String functionalCode;
    private String economicCode;
    private FundingSource fundingSource = FundingSource.GENERAL_PUBLIC_BUDGET;
    private String approved;

    // the adjustment dialog
    private BudgetLineView adjusting;
    private boolean increase = true;
    private String adjustAmount;
    private String adjustReason;

    public List<BudgetLineView> getLines() {
        if (lines == null) {
            lines = budget.lines(year);
        }
        return lines;
    }

    public List<BudgetEntryView> entriesOf(long lineId) {
        return entries.computeIfAbsent(lineId, id -> budget.line(id).entries());
    }

    public List<OrganisationView> getUnits() {
        if (units == null) {
            units = directory.purchasingUnits();
        }
        return units;
    }

    public List<Integer> getYears() {
        int now = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        return List.of(now + 1, now, now - 1);
    }

    public FundingSource[] getFundingSources() {
        return FundingSource.values();
    }

    public boolean isFinance() {
        return currentUser.hasRole("FINANCE");
    }

    public void filter() {
        lines = null;
    }

    public void create() {
        try {
            BudgetLineView l =
                    budget.createLine(
                            new NewBudgetLine(
                                    newYear == null ? 0 : newYear,
                                    code,
                                    name,
                                    unitId == null ? 0 : unitId,
                                    functionalCode,
                                    economicCode,
                                    fundingSource,
                                    Money.parse(approved, "approved")));
            FacesProblems.info("budget.created", l.code(), l.unitName());
            lines = null;
            code = null;
            name = null;
            approved = null;
        } catch (Refusal r) {
            FacesProblems.show(r, "lineForm");
        }
    }

    public void startAdjusting(BudgetLineView line) {
        adjusting = line;
        increase = true;
        adjustAmount = null;
        adjustReason = null;
    }

    public void adjust() {
        try {
            BudgetLineView l =
                    budget.adjust(
                            adjusting.id(),
                            increase,
                            Money.parse(adjustAmount, "amount"),
                            adjustReason);
            FacesProblems.info("budget.adjusted", l.code(), l.approved().toPlainString());
            lines = null;
            entries.remove(l.id());
            adjusting = null;
        } catch (Refusal r) {
            FacesProblems.show(r, "adjustForm");
        }
    }

    public StreamedContent getExport() {
        byte[] bytes = BudgetExport.workbook(getLines(), FacesProblems.locale());
        return DefaultStreamedContent.builder()
                .name(FacesProblems.text("budget.export.file"))
                .contentType(BudgetResource.XLSX)
                .stream(() -> new ByteArrayInputStream(bytes))
                .contentLength((long) bytes.length)
                .build();
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public Integer getNewYear() {
        return newYear;
    }

    public void setNewYear(Integer newYear) {
        this.newYear = newYear;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getFunctionalCode() {
        return functionalCode;
    }

    public void setFunctionalCode(String functionalCode) {
        this.functionalCode = functionalCode;
    }

    public String getEconomicCode() {
        return economicCode;
    }

    public void setEconomicCode(String economicCode) {
        this.economicCode = economicCode;
    }

    public FundingSource getFundingSource() {
        return fundingSource;
    }

    public void setFundingSource(FundingSource fundingSource) {
        this.fundingSource = fundingSource;
    }

    public String getApproved() {
        return approved;
    }

    public void setApproved(String approved) {
        this.approved = approved;
    }

    public BudgetLineView getAdjusting() {
        return adjusting;
    }

    public boolean isIncrease() {
        return increase;
    }

    public void setIncrease(boolean increase) {
        this.increase = increase;
    }

    public String getAdjustAmount() {
        return adjustAmount;
    }

    public void setAdjustAmount(String adjustAmount) {
        this.adjustAmount = adjustAmount;
    }

    public String getAdjustReason() {
        return adjustReason;
    }

    public void setAdjustReason(String adjustReason) {
        this.adjustReason = adjustReason;
    }
}

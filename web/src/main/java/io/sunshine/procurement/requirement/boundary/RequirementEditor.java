package io.sunshine.procurement.requirement.boundary;

import io.sunshine.budget.boundary.Budget;
import io.sunshine.budget.boundary.BudgetLineView;
import io.sunshine.directory.boundary.Catalogue;
import io.sunshine.directory.boundary.CatalogueItemView;
import io.sunshine.directory.boundary.CurrentUser;
import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.requirement.control.Category;
import io.sunshine.procurement.requirement.control.IntentionRule;
import io.sunshine.procurement.requirement.control.ItemDraft;
import io.sunshine.procurement.requirement.control.Items;
import io.sunshine.procurement.requirement.control.MethodDecision;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.procurement.requirement.entity.RequirementState;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One requirement: the unit drafts and submits it here; FINANCE approves or returns the plan; the
 * unit publishes the intention notice of an approved plan.
 */
@Named
@ViewScoped
public class RequirementEditor implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Requirements requirements;
    @EJB Budget budget;
    @EJB Catalogue catalogue;
    @Inject CurrentUser currentUser;

    /** An editable item row. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private String catalogueCode;
        private String name;
        private String specification;
        private BigDecimal quantity;
        private String unit;
        private BigDecimal unitPrice;

        public BigDecimal getAmount() {
            return quantity == null || unitPrice == null
                    ? null
                    : quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
        }

        ItemDraft draft() {
            return new ItemDraft(catalogueCode, name, specification, quantity, unit, unitPrice);
        }

        public String getCatalogueCode() {
            return catalogueCode;
        }

        public void setCatalogueCode(String catalogueCode) {
            this.catalogueCode = catalogueCode;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getSpecification() {
            return specification;
        }

        public void setSpecification(String specification) {
            this.specification = specification;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public BigDecimal getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
        }
    }

    private Long id;
    private RequirementView view;
    private List<BudgetLineView> lines;
    private final Map<String, String> codeNames = new HashMap<>();

    private String title;
    private String summary;
    private Long budgetLineId;
    private LocalDate plannedStart;
    private ProcurementMethod method;
    private String methodReason;
    private List<Row> rows = new ArrayList<>();

    private String decisionNote;
    private String returnReason;
    private LocalDate publishStart;

    /** Loads the requirement named by the id parameter, or starts a new one. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        if (id == null) {
            plannedStart = today().plusDays(45);
            rows.add(new Row());
            return;
        }
        try {
            view = requirements.get(id);
        } catch (Refusal r) {
            FacesProblems.show(r, null);
            return;
        }
        fillFrom(view);
    }

    private void fillFrom(RequirementView v) {
        title = v.title();
        summary = v.summary();
        budgetLineId = v.budgetLineId();
        plannedStart = v.plannedStart();
        method = v.method();
        methodReason = v.methodReason();
        rows = new ArrayList<>();
        for (RequirementView.Item i : v.items()) {
            Row r = new Row();
            r.catalogueCode = i.catalogueCode();
            r.name = i.name();
            r.specification = i.specification();
            r.quantity = i.quantity().stripTrailingZeros();
            if (r.quantity.scale() < 0) {
                r.quantity = r.quantity.setScale(0);
            }
            r.unit = i.unit();
            r.unitPrice = i.unitPrice();
            rows.add(r);
        }
        publishStart = v.plannedStart();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    public boolean isEditable() {
        return currentUser.hasRole("PURCHASER") && (view == null || view.state().editable());
    }

    public boolean isDecidable() {
        return currentUser.hasRole("FINANCE")
                && view != null
                && view.state() == RequirementState.SUBMITTED;
    }

    public boolean isCancellable() {
        return currentUser.hasRole("PURCHASER")
                && view != null
                && (view.state().editable() || view.state() == RequirementState.SUBMITTED);
    }

    public boolean isPublishable() {
        return currentUser.hasRole("PURCHASER")
                && view != null
                && view.state() == RequirementState.APPROVED
                && view.intention() != null
                && !view.intention().published();
    }

    public LocalDate getLatestPublication() {
        LocalDate start = publishStart != null ? publishStart : plannedStart;
        return start == null ? null : IntentionRule.latestPublication(start);
    }

    public List<BudgetLineView> getLines() {
        if (lines == null) {
            lines = budget.lines(null);
        }
        return lines;
    }

    public BudgetLineView getSelectedLine() {
        return budgetLineId == null
                ? null
                : getLines().stream().filter(l -> l.id() == budgetLineId).findFirst().orElse(null);
    }

    public BigDecimal getTotal() {
        return rows.stream()
                .map(Row::getAmount)
                .filter(a -> a != null)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** What the rule table allows for the items as they stand; null while they are incomplete. */
    public MethodDecision getDecision() {
        try {
            Items.Result r = Items.check(rows.stream().map(Row::draft).toList());
            return requirements.methodsFor(
                    r.category(),
                    r.total(),
                    r.items().stream().map(c -> c.item().catalogueCode()).toList());
        } catch (Refusal | IllegalArgumentException e) {
            return null;
        }
    }

    public Category getCategory() {
        return rows.stream()
                .map(r -> Category.ofCode(r.catalogueCode))
                .filter(java.util.Optional::isPresent)
                .map(java.util.Optional::get)
                .findFirst()
                .orElse(null);
    }

    public List<ProcurementMethod> getMethods() {
        MethodDecision d = getDecision();
        return Arrays.stream(ProcurementMethod.values())
                .filter(m -> d == null || d.allowed().contains(m))
                .toList();
    }

    public List<String> completeCode(String query) {
        List<CatalogueItemView> found = catalogue.search(query, null, 15);
        List<String> out = new ArrayList<>();
        for (CatalogueItemView c : found) {
            if (c.active()) {
                codeNames.put(c.code(), c.name());
                out.add(c.code());
            }
        }
        return out;
    }

    /** "A02010105 台式计算机" for a code, as the autocomplete shows it. */
    public String codeLabel(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name =
                codeNames.computeIfAbsent(
                        code, c -> catalogue.find(c).map(CatalogueItemView::name).orElse(""));
        return name.isEmpty() ? code : code + " " + name;
    }

    public void addRow() {
        rows.add(new Row());
    }

    public void removeRow(Row row) {
        rows.remove(row);
        if (rows.isEmpty()) {
            rows.add(new Row());
        }
    }

    private RequirementDraft draft() {
        return new RequirementDraft(
                title,
                summary,
                budgetLineId,
                method,
                methodReason,
                plannedStart,
                rows.stream().map(Row::draft).toList());
    }

    /** Saves the draft; a new requirement gets its page address. */
    public void save() {
        try {
            boolean created = view == null;
            view = created ? requirements.create(draft()) : requirements.update(view.id(), draft());
            FacesProblems.info("req.saved", view.reference());
            if (created) {
                redirectTo(view.id());
            }
        } catch (Refusal r) {
            FacesProblems.show(r, "req");
        }
    }

    public void submit() {
        try {
            view =
                    view == null
                            ? requirements.create(draft())
                            : requirements.update(view.id(), draft());
            view = requirements.submit(view.id());
            FacesProblems.info("req.submitted", view.reference());
            fillFrom(view);
            redirectTo(view.id());
        } catch (Refusal r) {
            FacesProblems.show(r, "req");
        }
    }

    public void cancel() {
        try {
            view = requirements.cancel(view.id());
            FacesProblems.info("req.cancelled", view.reference());
        } catch (Refusal r) {
            FacesProblems.show(r, "req");
        }
    }

    public void approve() {
        try {
            view = requirements.approve(view.id(), decisionNote);
            FacesProblems.info("req.approved", view.reference());
        } catch (Refusal r) {
            FacesProblems.show(r, "decision");
        }
    }

    public void returnPlan() {
        try {
            view = requirements.returnPlan(view.id(), returnReason);
            FacesProblems.info("req.returned", view.reference());
        } catch (Refusal r) {
            FacesProblems.show(r, "decision");
        }
    }

    public void publish() {
        try {
            view = requirements.publishIntention(view.id(), publishStart);
            fillFrom(view);
            FacesProblems.info("req.published", view.reference());
        } catch (Refusal r) {
            FacesProblems.show(r, "publication");
        }
    }

    private void redirectTo(long requirementId) {
        FacesContext fc = FacesContext.getCurrentInstance();
        fc.getExternalContext().getFlash().setKeepMessages(true);
        try {
            fc.getExternalContext()
                    .redirect(
                            fc.getExternalContext().getRequestContextPath()
                                    + "/procurement/requirement.xhtml?id="
                                    + requirementId);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public RequirementView getView() {
        return view;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Long getBudgetLineId() {
        return budgetLineId;
    }

    public void setBudgetLineId(Long budgetLineId) {
        this.budgetLineId = budgetLineId;
    }

    public LocalDate getPlannedStart() {
        return plannedStart;
    }

    public void setPlannedStart(LocalDate plannedStart) {
        this.plannedStart = plannedStart;
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

    public List<Row> getRows() {
        return rows;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public void setDecisionNote(String decisionNote) {
        this.decisionNote = decisionNote;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public void setReturnReason(String returnReason) {
        this.returnReason = returnReason;
    }

    public LocalDate getPublishStart() {
        return publishStart;
    }

    public void setPublishStart(LocalDate publishStart) {
        this.publishStart = publishStart;
    }
}

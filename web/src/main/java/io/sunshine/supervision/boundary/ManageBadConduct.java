package io.sunshine.supervision.boundary;

import io.sunshine.directory.boundary.SupplierRegistry;
import io.sunshine.directory.boundary.SupplierView;
import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The supervisor's bad-conduct list: every entry with its history, a form to list a supplier
 * (chosen among the registered suppliers) under a penalty decision, and lifting an entry early with
 * a reason. Administrators see the list but change nothing.
 */
@Named
@ViewScoped
public class ManageBadConduct implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB BadConduct badConduct;
    @EJB SupplierRegistry registry;

    private List<BadConductView> entries;
    private List<SupplierView> suppliers;
    private Long supplierId;
    private String decisionReference;
    private String reason;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private BadConductView lifting;
    private String liftReason;

    @PostConstruct
    void load() {
        entries = badConduct.history();
        if (supervisor()) {
            suppliers = registry.suppliers(null);
        }
    }

    public boolean supervisor() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("SUPERVISOR");
    }

    public void add() {
        if (supplierId == null) {
            FacesProblems.error("badConduct.supplierRequired");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            BadConductView v =
                    badConduct.list(supplierId, decisionReference, reason, startsOn, endsOn);
            FacesProblems.info("badConduct.listed", v.supplierName(), v.endsOn().toString());
            supplierId = null;
            decisionReference = null;
            reason = null;
            startsOn = null;
            endsOn = null;
            entries = badConduct.history();
        } catch (Refusal r) {
            FacesProblems.show(r, "add");
        }
    }

    public void startLift(long entryId) {
        lifting = entries.stream().filter(e -> e.id() == entryId).findFirst().orElse(null);
        liftReason = null;
    }

    public void lift() {
        if (lifting == null) {
            return;
        }
        try {
            BadConductView v = badConduct.lift(lifting.id(), liftReason);
            FacesProblems.info("badConduct.lifted", v.supplierName(), v.decisionReference());
            lifting = null;
            liftReason = null;
            entries = badConduct.history();
        } catch (Refusal r) {
            FacesProblems.show(r, "lift");
        }
    }

    public void cancelLift() {
        lifting = null;
    }

    public List<BadConductView> getEntries() {
        return entries;
    }

    public List<SupplierView> getSuppliers() {
        return suppliers;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    public void setSupplierId(Long supplierId) {
        this.supplierId = supplierId;
    }

    public String getDecisionReference() {
        return decisionReference;
    }

    public void setDecisionReference(String decisionReference) {
        this.decisionReference = decisionReference;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public BadConductView getLifting() {
        return lifting;
    }

    public String getLiftReason() {
        return liftReason;
    }

    public void setLiftReason(String liftReason) {
        this.liftReason = liftReason;
    }
}

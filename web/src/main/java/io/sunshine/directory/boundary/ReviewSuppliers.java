package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.RegistrationStatus;
import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.StreamedContent;

/**
 * The agency's (or administrator's) review of supplier registrations: the pending ones first, one
 * opened with its details, size declaration and documents, then verified or rejected with a reason.
 */
@Named
@ViewScoped
public class ReviewSuppliers implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB SupplierRegistry registry;

    private RegistrationStatus filter = RegistrationStatus.PENDING;
    private List<SupplierView> suppliers;
    private SupplierView selected;
    private List<DocumentView> documents;
    private String reason;

    @PostConstruct
    void load() {
        suppliers = registry.suppliers(filter);
    }

    public void filterChanged() {
        selected = null;
        load();
    }

    public void open(long supplierId) {
        try {
            selected = registry.supplier(supplierId);
            documents = registry.documents(supplierId);
            reason = null;
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
    }

    public void verify() {
        decide(RegistrationStatus.VERIFIED, "review.verified");
    }

    public void reject() {
        decide(RegistrationStatus.REJECTED, "review.rejected");
    }

    private void decide(RegistrationStatus decision, String messageKey) {
        if (selected == null) {
            return;
        }
        try {
            SupplierView s = registry.decide(selected.id(), decision, reason);
            FacesProblems.info(messageKey, s.name());
            selected = null;
            reason = null;
            load();
        } catch (Refusal r) {
            FacesProblems.show(r, "review");
        }
    }

    public StreamedContent download(long documentId) {
        return DocumentDownload.of(registry, selected.id(), documentId);
    }

    public RegistrationStatus[] getStatuses() {
        return RegistrationStatus.values();
    }

    public RegistrationStatus getFilter() {
        return filter;
    }

    public void setFilter(RegistrationStatus filter) {
        this.filter = filter;
    }

    public List<SupplierView> getSuppliers() {
        return suppliers;
    }

    public SupplierView getSelected() {
        return selected;
    }

    public List<DocumentView> getDocuments() {
        return documents;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

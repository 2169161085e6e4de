package io.sunshine.procurement.project.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.boundary.LocaleSelection;
import io.sunshine.platform.boundary.PdfAttachment;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.StreamedContent;

/**
 * A supplier's page of one published project: the summary and deadlines, each lot with the "enrol"
 * button or the reason it cannot enrol, its own enrolments (which it may withdraw before the
 * deadline), and the documents with its downloads.
 */
@Named
@ViewScoped
public class SupplierProject implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Enrolments enrolments;
    @EJB Projects projects;
    @EJB io.sunshine.procurement.auction.boundary.Auctions auctions;
    // the page's language (the view root has the browser's until the page renders)
    @Inject LocaleSelection language;

    private Long id;
    private SupplierProjectView view;
    private java.util.Map<Integer, Long> auctionOfLot = java.util.Map.of();

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        refresh();
    }

    private void refresh() {
        if (id == null) {
            view = null;
            return;
        }
        try {
            view = enrolments.forSupplier(id, language.getLocale());
            auctionOfLot = auctions.byLot(id);
        } catch (Refusal r) {
            view = null;
            FacesProblems.show(r, null);
        }
    }

    public void enrol(int lotNo) {
        try {
            EnrolmentOutcome o = enrolments.enrol(id, lotNo);
            FacesProblems.info("enrol.enrolled", lotNo, o.enrolment().projectReference());
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
        refresh();
    }

    public void withdraw(int lotNo) {
        try {
            EnrolmentView e = enrolments.withdraw(id, lotNo);
            FacesProblems.info("enrol.withdrawn", lotNo, e.projectReference());
        } catch (Refusal r) {
            FacesProblems.show(r, null);
        }
        refresh();
    }

    /** A procurement document; the projects boundary records this supplier's download. */
    public StreamedContent download(long documentId) {
        try {
            Projects.DocumentContent c = projects.document(id, documentId);
            return PdfAttachment.streamed(c.document().fileName(), c.bytes());
        } catch (Refusal r) {
            FacesProblems.show(r, null);
            return null;
        } finally {
            refresh();
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** Lot number → its auction, for a project published as a reverse auction. */
    public java.util.Map<Integer, Long> getAuctionOfLot() {
        return auctionOfLot;
    }

    public SupplierProjectView getView() {
        return view;
    }
}

package io.sunshine.supervision.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.supervision.control.ChainVerifier.Verdict;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The supervisor's audit trail page: the entries, paged from the database, and the chain check. */
@Named
@ViewScoped
public class ReviewAuditTrail implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB AuditTrail audit;

    private String actor;
    private String action;
    private Verdict verdict;

    private final LazyDataModel<AuditEntryView> entries =
            new LazyDataModel<>() {
                private static final long serialVersionUID = 1L;

                @Override
                public int count(Map<String, FilterMeta> filterBy) {
                    return (int) Math.min(Integer.MAX_VALUE, audit.count(actor, action));
                }

                @Override
                public List<AuditEntryView> load(
                        int first,
                        int pageSize,
                        Map<String, SortMeta> sortBy,
                        Map<String, FilterMeta> filterBy) {
                    return audit.search(actor, action, first, pageSize);
                }

                @Override
                public String getRowKey(AuditEntryView e) {
                    return String.valueOf(e.seq());
                }

                @Override
                public AuditEntryView getRowData(String rowKey) {
                    return null;
                }
            };

    public LazyDataModel<AuditEntryView> getEntries() {
        return entries;
    }

    public void verify() {
        verdict = audit.verify();
        if (verdict.intact()) {
            FacesProblems.info("audit.intact", String.valueOf(verdict.rowsChecked()));
        } else {
            FacesProblems.error(
                    "audit.broken",
                    String.valueOf(verdict.firstBrokenSeq()),
                    FacesProblems.text("audit.reason." + verdict.reason().name()),
                    String.valueOf(verdict.rowsChecked()));
        }
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }
}

package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.CatalogueImport;
import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.file.UploadedFile;

/**
 * The administrator's catalogue page: the catalogue, paged from the database and searched by code
 * prefix or a word of the name, and the CSV import with its progress, polled until it ends.
 */
@Named
@ViewScoped
public class ManageCatalogue implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB Catalogue catalogue;

    private String query;
    private String category;
    private transient UploadedFile file;
    private CatalogueImport.Mode mode = CatalogueImport.Mode.MERGE;
    private Long jobId;
    private CatalogueImportView job;

    private final LazyDataModel<CatalogueItemView> items =
            new LazyDataModel<>() {
                private static final long serialVersionUID = 1L;

                @Override
                public int count(Map<String, FilterMeta> filterBy) {
                    return (int) Math.min(Integer.MAX_VALUE, page(0, 1).total());
                }

                @Override
                public List<CatalogueItemView> load(
                        int first,
                        int pageSize,
                        Map<String, SortMeta> sortBy,
                        Map<String, FilterMeta> filterBy) {
                    return page(first, pageSize).items();
                }

                @Override
                public String getRowKey(CatalogueItemView i) {
                    return i.code();
                }

                @Override
                public CatalogueItemView getRowData(String rowKey) {
                    return null;
                }
            };

    private CataloguePage page(int first, int max) {
        try {
            return catalogue.page(query, category, null, false, first, max);
        } catch (Refusal r) {
            FacesProblems.show(r, "search");
            return new CataloguePage(0, 0, List.of());
        }
    }

    public LazyDataModel<CatalogueItemView> getItems() {
        return items;
    }

    /** The search button: the table reloads from its first page. */
    public void search() {
        // the lazy model reads query and category on its next load
        DataTable table =
                (DataTable)
                        FacesContext.getCurrentInstance()
                                .getViewRoot()
                                .findComponent("search:items");
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void startImport() {
        if (file == null || file.getSize() == 0) {
            FacesProblems.error("catalogue.import.noFile");
            return;
        }
        try {
            String csv = new String(file.getContent(), StandardCharsets.UTF_8);
            jobId = catalogue.startImport(csv, mode);
            job = catalogue.importJob(jobId);
            FacesProblems.info(
                    "catalogue.import.started", file.getFileName(), String.valueOf(jobId));
        } catch (Refusal r) {
            FacesProblems.show(r, "importForm");
        } finally {
            file = null;
        }
    }

    /** Called by the poll: reads the job again and stops polling once it has ended. */
    public void refresh() {
        if (jobId == null) {
            return;
        }
        job = catalogue.importJob(jobId);
        if (job.finished()) {
            PrimeFaces.current().executeScript("PF('importPoll').stop();");
        }
    }

    public CatalogueImportView getJob() {
        return job;
    }

    public boolean isJobRunning() {
        return job != null && !job.finished();
    }

    /** The refused file's faults, each with its message in the page's language. */
    public List<CatalogueResource.LineErrorJson> getJobErrors() {
        if (job == null) {
            return List.of();
        }
        return job.errors().stream()
                .map(e -> CatalogueResource.lineError(e, FacesProblems.locale()))
                .toList();
    }

    public CatalogueImport.Mode[] getModes() {
        return CatalogueImport.Mode.values();
    }

    public long getSize() {
        return catalogue.size();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public CatalogueImport.Mode getMode() {
        return mode;
    }

    public void setMode(CatalogueImport.Mode mode) {
        this.mode = mode;
    }
}

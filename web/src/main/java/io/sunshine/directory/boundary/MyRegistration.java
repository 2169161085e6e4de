package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.DocumentKind;
import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.PdfUpload;
import io.sunshine.platform.control.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * A supplier's own registration page: its status (and the reason when rejected), its qualification
 * documents with upload and download, and the form to correct a rejected registration.
 */
@Named
@ViewScoped
public class MyRegistration implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB SupplierRegistry registry;

    private SupplierView supplier;
    private List<DocumentView> documents;
    private DocumentKind kind = DocumentKind.LICENCE;
    private transient UploadedFile file;
    private SupplierForm form;

    @PostConstruct
    void load() {
        supplier = registry.mine().orElse(null);
        documents = supplier == null ? List.of() : registry.documents(supplier.id());
        form = supplier != null && supplier.rejected() ? SupplierForm.of(supplier) : null;
    }

    public void upload() {
        if (supplier == null) {
            return;
        }
        try {
            if (file != null && file.getSize() > registry.maxDocumentBytes()) {
                throw PdfUpload.tooLarge(registry.maxDocumentBytes());
            }
            DocumentView d =
                    registry.addDocument(
                            supplier.id(),
                            kind,
                            file == null ? null : file.getFileName(),
                            file == null ? null : file.getContent());
            FacesProblems.info("supplier.documents.uploaded", d.fileName());
            load();
        } catch (Refusal r) {
            FacesProblems.show(r, "upload");
        } finally {
            file = null;
        }
    }

    public void resubmit() {
        try {
            supplier = registry.resubmit(supplier.id(), form.toApplication());
            FacesProblems.info("supplier.resubmitted");
            load();
        } catch (Refusal r) {
            FacesProblems.show(r, "correct");
        }
    }

    /** The document's bytes as a download, or nothing (and a message) when refused. */
    public StreamedContent download(long documentId) {
        return DocumentDownload.of(registry, supplier.id(), documentId);
    }

    /** The declaration for the corrected details. */
    public String getDeclarationText() {
        return form == null || form.getSizeClass() == null
                ? ""
                : registry.sizeDeclaration(
                        form.getName(), form.getCreditCode(), form.getSizeClass());
    }

    public DocumentKind[] getKinds() {
        return DocumentKind.values();
    }

    public long getMaxMegabytes() {
        return Math.max(1, registry.maxDocumentBytes() / (1024 * 1024));
    }

    public SupplierView getSupplier() {
        return supplier;
    }

    public List<DocumentView> getDocuments() {
        return documents;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public void setKind(DocumentKind kind) {
        this.kind = kind;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public SupplierForm getForm() {
        return form;
    }
}

package io.sunshine.directory.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.boundary.PdfAttachment;
import io.sunshine.platform.control.Refusal;
import org.primefaces.model.StreamedContent;

/** A qualification PDF as a page download, after the registry's object-level check. */
final class DocumentDownload {
    private DocumentDownload() {}

    /** The document's bytes, or nothing (and the refusal shown on the page). */
    static StreamedContent of(SupplierRegistry registry, long supplierId, long documentId) {
        try {
            DocumentView.Content c = registry.document(supplierId, documentId);
            return PdfAttachment.streamed(c.document().fileName(), c.bytes());
        } catch (Refusal r) {
            FacesProblems.show(r, null);
            return null;
        }
    }
}

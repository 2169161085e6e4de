package io.sunshine.directory.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import java.io.ByteArrayInputStream;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** A qualification PDF as a page download, after the registry's object-level check. */
final class DocumentDownload {
    private DocumentDownload() {}

    /** The document's bytes, or nothing (and the refusal shown on the page). */
    static StreamedContent of(SupplierRegistry registry, long supplierId, long documentId) {
        try {
            DocumentView.Content c = registry.document(supplierId, documentId);
            return DefaultStreamedContent.builder()
                    .name(c.document().fileName())
                    .contentType("application/pdf")
                    .contentLength((long) c.bytes().length)
                    .stream(() -> new ByteArrayInputStream(c.bytes()))
                    .build();
        } catch (Refusal r) {
            FacesProblems.show(r, null);
            return null;
        }
    }
}

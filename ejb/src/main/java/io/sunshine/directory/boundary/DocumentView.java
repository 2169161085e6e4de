package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.DocumentKind;
import io.sunshine.directory.entity.QualificationDocument;
import java.io.Serializable;
import java.time.Instant;

/** A qualification document as lists show it: never its storage name. */
public record DocumentView(
        long id,
        long supplierId,
        DocumentKind kind,
        String fileName,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        Instant uploadedAt)
        implements Serializable {

    static DocumentView of(QualificationDocument d) {
        return new DocumentView(
                d.getId(),
                d.getOrganisation().getId(),
                d.getKind(),
                d.getOriginalName(),
                d.getSizeBytes(),
                d.getSha256(),
                d.getUploadedBy(),
                d.getUploadedAt());
    }

    /** A downloaded document: its description and its bytes (checked against the SHA-256). */
    public record Content(DocumentView document, byte[] bytes) {}
}

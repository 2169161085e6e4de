package io.sunshine.directory.entity;

/** Where an organisation's signing certificate comes from. */
public enum CertificateSource {
    /** Issued by the platform's own CA (PlatformCa). */
    PLATFORM,
    /** Imported from an outside CA's PKCS#12 file. */
    IMPORTED
}

-- Issue 6 (signing): each organisation's signing certificate, issued by the platform CA or
-- imported from an outside CA's PKCS#12 file, with its private key encrypted under the platform's
-- master key (AES-256-GCM, MasterKey; the master key itself lives in the server's password alias
-- store, never in the database). One certificate is in force per organisation: issuing or
-- importing a new one sets revoked_at on the one before (under a lock on the organisation row).
-- Rows are never deleted: a signed contract names its certificate by issuer and serial.
CREATE SEQUENCE organisation_certificate_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE organisation_certificate (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    organisation_id      BIGINT        NOT NULL REFERENCES organisation (id),
    serial               VARCHAR(64)   NOT NULL,
    subject_dn           VARCHAR(1000) NOT NULL,
    issuer_dn            VARCHAR(1000) NOT NULL,
    certificate_der      BYTEA         NOT NULL,
    issuer_chain_der     BYTEA,
    not_before           TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after            TIMESTAMP WITH TIME ZONE NOT NULL,
    source               VARCHAR(10)   NOT NULL,
    private_key_wrapped  BYTEA         NOT NULL,
    key_algorithm        VARCHAR(20)   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(60)   NOT NULL,
    revoked_at           TIMESTAMP WITH TIME ZONE,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT organisation_certificate_source_known CHECK (source IN ('PLATFORM', 'IMPORTED')),
    CONSTRAINT organisation_certificate_validity CHECK (not_after > not_before),
    CONSTRAINT organisation_certificate_revoked_after CHECK (revoked_at IS NULL
        OR revoked_at >= created_at),
    CONSTRAINT organisation_certificate_unique UNIQUE (issuer_dn, serial)
);

CREATE INDEX organisation_certificate_organisation
    ON organisation_certificate (organisation_id, revoked_at);

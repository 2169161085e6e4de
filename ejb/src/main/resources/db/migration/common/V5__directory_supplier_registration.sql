-- Supplier self-registration: the registration's status on the organisation (every organisation
-- that exists already, demo suppliers included, counts as verified), the registration's details
-- with the accepted size declaration, and the supplier's qualification documents (PDF files kept
-- under a random storage name, with their SHA-256).
ALTER TABLE organisation ADD COLUMN registration_status VARCHAR(10) DEFAULT 'VERIFIED' NOT NULL;
ALTER TABLE organisation ADD CONSTRAINT organisation_registration_status_known
    CHECK (registration_status IN ('PENDING', 'VERIFIED', 'REJECTED'));

CREATE SEQUENCE supplier_registration_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE qualification_document_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE supplier_registration (
    id                       BIGINT        NOT NULL PRIMARY KEY,
    organisation_id          BIGINT        NOT NULL REFERENCES organisation (id),
    legal_representative     VARCHAR(50)   NOT NULL,
    contact_name             VARCHAR(50)   NOT NULL,
    contact_phone            VARCHAR(30)   NOT NULL,
    contact_email            VARCHAR(100)  NOT NULL,
    bank_name                VARCHAR(100)  NOT NULL,
    bank_account_name        VARCHAR(200)  NOT NULL,
    bank_account_number      VARCHAR(30)   NOT NULL,
    size_declaration_text    VARCHAR(2000) NOT NULL,
    size_declaration_version VARCHAR(40)   NOT NULL,
    size_declared_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    client_address           VARCHAR(64),
    submitted_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    submissions              INTEGER       NOT NULL,
    reviewed_at              TIMESTAMP WITH TIME ZONE,
    reviewed_by              VARCHAR(40),
    review_reason            VARCHAR(500),
    version                  BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT supplier_registration_one_per_organisation UNIQUE (organisation_id)
);

-- the registration guard counts recent registrations from one client address
CREATE INDEX supplier_registration_by_address ON supplier_registration (client_address, submitted_at);

CREATE TABLE qualification_document (
    id              BIGINT       NOT NULL PRIMARY KEY,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    kind            VARCHAR(20)  NOT NULL,
    original_name   VARCHAR(120) NOT NULL,
    storage_name    VARCHAR(43)  NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    uploaded_by     VARCHAR(40)  NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT qualification_document_kind_known CHECK (kind IN ('LICENCE', 'CERTIFICATE', 'OTHER')),
    CONSTRAINT qualification_document_size_positive CHECK (size_bytes > 0),
    CONSTRAINT qualification_document_storage_unique UNIQUE (storage_name)
);

CREATE INDEX qualification_document_by_organisation ON qualification_document (organisation_id, uploaded_at);

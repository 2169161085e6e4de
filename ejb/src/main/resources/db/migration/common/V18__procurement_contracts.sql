-- Stage 4: contracts (合同). A contract is drafted by the buyer from a published award, signed by
-- the buyer and the supplier with their organisations' certificates (PAdES, in the PDF), reviewed
-- by FINANCE (审验) and filed (备案) or returned with reasons; a returned contract is redrafted as a
-- new version and the old one stays, unchanged, in the history.

-- What a contract prints about its parties: address, legal representative, telephone and the bank
-- account payments go to. A self-registered supplier's bank account is copied here when verified.
ALTER TABLE organisation ADD COLUMN address VARCHAR(300);
ALTER TABLE organisation ADD COLUMN legal_representative VARCHAR(50);
ALTER TABLE organisation ADD COLUMN phone VARCHAR(30);
ALTER TABLE organisation ADD COLUMN bank_name VARCHAR(100);
ALTER TABLE organisation ADD COLUMN bank_account_name VARCHAR(200);
ALTER TABLE organisation ADD COLUMN bank_account_number VARCHAR(30);

CREATE SEQUENCE contract_seq START WITH 50 INCREMENT BY 50;

-- One row per version. The content (parties, items at the bid price, negotiable terms) is the
-- snapshot the PDF was rendered from, as JSON; the price and items come from the award and never
-- change, the terms may change while the version is a DRAFT.
CREATE TABLE contract (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    contract_no          VARCHAR(40)   NOT NULL,
    version_no           INTEGER       NOT NULL,
    award_id             BIGINT        NOT NULL REFERENCES award (id),
    project_id           BIGINT        NOT NULL REFERENCES procurement_project (id),
    lot_no               INTEGER       NOT NULL,
    purchaser_id         BIGINT        NOT NULL REFERENCES organisation (id),
    supplier_id          BIGINT        NOT NULL REFERENCES organisation (id),
    amount               NUMERIC(18,2) NOT NULL,
    content              TEXT          NOT NULL,
    state                VARCHAR(10)   NOT NULL,
    drafted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    drafted_by           VARCHAR(60)   NOT NULL,
    award_published_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    sign_due             TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_at            TIMESTAMP WITH TIME ZONE,
    filing_due           TIMESTAMP WITH TIME ZONE,
    notice_due           TIMESTAMP WITH TIME ZONE,
    reviewed_at          TIMESTAMP WITH TIME ZONE,
    reviewed_by          VARCHAR(60),
    review_reasons       VARCHAR(1000),
    notice_id            BIGINT        REFERENCES notice (id),
    notice_withheld      VARCHAR(200),
    sign_warned_at       TIMESTAMP WITH TIME ZONE,
    sign_late_at         TIMESTAMP WITH TIME ZONE,
    filing_late_at       TIMESTAMP WITH TIME ZONE,
    notice_late_at       TIMESTAMP WITH TIME ZONE,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT contract_version_unique UNIQUE (award_id, version_no),
    CONSTRAINT contract_no_unique UNIQUE (contract_no, version_no),
    CONSTRAINT contract_state_known CHECK (state IN ('DRAFT', 'SIGNING', 'SIGNED', 'FILED',
        'RETURNED')),
    CONSTRAINT contract_amount_positive CHECK (amount > 0 AND version_no >= 1),
    CONSTRAINT contract_signed_whole CHECK ((state IN ('DRAFT', 'SIGNING') AND signed_at IS NULL)
        OR (state IN ('SIGNED', 'FILED', 'RETURNED') AND signed_at IS NOT NULL)),
    CONSTRAINT contract_reviewed_whole CHECK ((state IN ('FILED', 'RETURNED'))
        = (reviewed_at IS NOT NULL AND reviewed_by IS NOT NULL)),
    CONSTRAINT contract_returned_why CHECK (state <> 'RETURNED' OR review_reasons IS NOT NULL)
);

CREATE INDEX contract_award ON contract (award_id);
CREATE INDEX contract_purchaser ON contract (purchaser_id, state);
CREATE INDEX contract_supplier ON contract (supplier_id, state);

-- Every PDF a version went through: the draft as rendered, then after each signature. The bytes
-- are in the document store (file name random); the hash is here to check the file against.
CREATE TABLE contract_document (
    contract_id   BIGINT        NOT NULL REFERENCES contract (id),
    seq           INTEGER       NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    storage_name  VARCHAR(43)   NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(60)   NOT NULL,
    CONSTRAINT contract_document_pk PRIMARY KEY (contract_id, seq),
    CONSTRAINT contract_document_kind CHECK (kind IN ('DRAFT', 'SIGNED_PURCHASER',
        'SIGNED_SUPPLIER'))
);

-- Who signed for whom, when, with which certificate, and the hash of the PDF the signature made.
CREATE TABLE contract_signature (
    contract_id        BIGINT        NOT NULL REFERENCES contract (id),
    party              VARCHAR(10)   NOT NULL,
    organisation_id    BIGINT        NOT NULL REFERENCES organisation (id),
    signer             VARCHAR(60)   NOT NULL,
    signed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    certificate_serial VARCHAR(64)   NOT NULL,
    document_sha256    VARCHAR(64)   NOT NULL,
    CONSTRAINT contract_signature_pk PRIMARY KEY (contract_id, party),
    CONSTRAINT contract_signature_party CHECK (party IN ('PURCHASER', 'SUPPLIER'))
);

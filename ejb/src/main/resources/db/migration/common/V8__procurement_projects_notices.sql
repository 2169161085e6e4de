-- Stage 2: procurement projects (采购项目) opened from approved requirements, their lots (标包) with
-- items, their procurement documents (采购文件), every download of them, and the public notices
-- (公告) of every type. A notice is never changed once published: a correction is a new notice.
CREATE SEQUENCE procurement_project_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE project_lot_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE lot_item_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE project_document_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE document_download_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE notice_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE procurement_project (
    id             BIGINT        NOT NULL PRIMARY KEY,
    reference      VARCHAR(30)   NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    description    VARCHAR(4000),
    method         VARCHAR(30)   NOT NULL,
    method_reason  VARCHAR(500),
    category       VARCHAR(1)    NOT NULL,
    buyer_id       BIGINT        NOT NULL REFERENCES organisation (id),
    agency_id      BIGINT        NOT NULL REFERENCES organisation (id),
    qualification  VARCHAR(2000),
    -- tenders: bid deadline (= opening time); negotiation/consultation/quotation: response deadline;
    -- single source: end of the public notice period; reverse auction: close of enrolment
    bid_deadline   TIMESTAMP WITH TIME ZONE,
    auction_start  TIMESTAMP WITH TIME ZONE,
    state          VARCHAR(20)   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(60)   NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE,
    published_by   VARCHAR(60),
    terminated_at  TIMESTAMP WITH TIME ZONE,
    version        BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT procurement_project_reference_unique UNIQUE (reference),
    CONSTRAINT procurement_project_state_known
        CHECK (state IN ('DRAFT', 'PUBLISHED', 'TERMINATED')),
    CONSTRAINT procurement_project_category_known CHECK (category IN ('A', 'B', 'C')),
    CONSTRAINT procurement_project_method_known CHECK (method IN ('OPEN_TENDER', 'INVITED_TENDER',
        'COMPETITIVE_NEGOTIATION', 'COMPETITIVE_CONSULTATION', 'REQUEST_FOR_QUOTATION',
        'SINGLE_SOURCE', 'REVERSE_AUCTION')),
    CONSTRAINT procurement_project_published_has_deadline
        CHECK (state = 'DRAFT' OR (bid_deadline IS NOT NULL AND published_at IS NOT NULL)),
    CONSTRAINT procurement_project_auction_start
        CHECK ((method = 'REVERSE_AUCTION') = (auction_start IS NOT NULL) OR state = 'DRAFT')
);

CREATE INDEX procurement_project_agency ON procurement_project (agency_id, state);
CREATE INDEX procurement_project_buyer ON procurement_project (buyer_id, state);

-- which approved requirements a project carries; a requirement is in at most one project that is
-- not terminated (checked under a lock on the requirement)
CREATE TABLE project_requirement (
    project_id     BIGINT NOT NULL REFERENCES procurement_project (id),
    requirement_id BIGINT NOT NULL REFERENCES requirement (id),
    PRIMARY KEY (project_id, requirement_id)
);

CREATE INDEX project_requirement_requirement ON project_requirement (requirement_id);

CREATE TABLE project_lot (
    id            BIGINT        NOT NULL PRIMARY KEY,
    project_id    BIGINT        NOT NULL REFERENCES procurement_project (id),
    lot_no        INTEGER       NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    budget        NUMERIC(18,2) NOT NULL,
    bid_security  NUMERIC(18,2),
    sme_only      BOOLEAN       NOT NULL,
    qualification VARCHAR(1000),
    CONSTRAINT project_lot_no_unique UNIQUE (project_id, lot_no),
    CONSTRAINT project_lot_amounts CHECK (budget > 0 AND (bid_security IS NULL OR bid_security >= 0))
);

CREATE TABLE lot_item (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    lot_id              BIGINT        NOT NULL REFERENCES project_lot (id),
    line_no             INTEGER       NOT NULL,
    requirement_item_id BIGINT        NOT NULL REFERENCES requirement_item (id),
    catalogue_code      VARCHAR(30)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    specification       VARCHAR(2000),
    quantity            NUMERIC(18,3) NOT NULL,
    unit                VARCHAR(20)   NOT NULL,
    unit_price          NUMERIC(18,2) NOT NULL,
    amount              NUMERIC(18,2) NOT NULL,
    CONSTRAINT lot_item_line_unique UNIQUE (lot_id, line_no)
);

CREATE TABLE project_document (
    id           BIGINT       NOT NULL PRIMARY KEY,
    project_id   BIGINT       NOT NULL REFERENCES procurement_project (id),
    file_name    VARCHAR(200) NOT NULL,
    storage_name VARCHAR(80)  NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by  VARCHAR(60)  NOT NULL
);

CREATE INDEX project_document_project ON project_document (project_id);

-- every download of a procurement document, by whom and for which organisation
CREATE TABLE document_download (
    id              BIGINT      NOT NULL PRIMARY KEY,
    document_id     BIGINT      NOT NULL REFERENCES project_document (id),
    organisation_id BIGINT      NOT NULL REFERENCES organisation (id),
    username        VARCHAR(60) NOT NULL,
    downloaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX document_download_document ON document_download (document_id, organisation_id);

CREATE TABLE notice (
    id             BIGINT        NOT NULL PRIMARY KEY,
    notice_no      VARCHAR(30)   NOT NULL,
    notice_type    VARCHAR(20)   NOT NULL,
    project_id     BIGINT        REFERENCES procurement_project (id),
    requirement_id BIGINT        REFERENCES requirement (id),
    corrects_id    BIGINT        REFERENCES notice (id),
    title          VARCHAR(300)  NOT NULL,
    body           VARCHAR(20000) NOT NULL,
    method         VARCHAR(30),
    category       VARCHAR(1)    NOT NULL,
    buyer_id       BIGINT        NOT NULL REFERENCES organisation (id),
    buyer_name     VARCHAR(200)  NOT NULL,
    agency_name    VARCHAR(200),
    budget         NUMERIC(18,2),
    deadline       TIMESTAMP WITH TIME ZONE,
    opening_time   TIMESTAMP WITH TIME ZONE,
    auction_start  TIMESTAMP WITH TIME ZONE,
    published_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by   VARCHAR(60)   NOT NULL,
    -- the words search looks for: Chinese as overlapping character pairs, other words lower-cased
    search_terms   VARCHAR(60000) NOT NULL,
    CONSTRAINT notice_no_unique UNIQUE (notice_no),
    CONSTRAINT notice_type_known CHECK (notice_type IN ('INTENTION', 'PROCUREMENT',
        'SINGLE_SOURCE', 'CORRECTION', 'TERMINATION', 'AWARD', 'CONTRACT', 'ACCEPTANCE')),
    CONSTRAINT notice_subject CHECK (project_id IS NOT NULL OR notice_type = 'INTENTION'),
    CONSTRAINT notice_category_known CHECK (category IN ('A', 'B', 'C'))
);

CREATE INDEX notice_published ON notice (published_at, id);
CREATE INDEX notice_project ON notice (project_id);

-- the catalogue codes a notice's items carry, for the portal's category filter
CREATE TABLE notice_catalogue (
    notice_id      BIGINT      NOT NULL REFERENCES notice (id),
    catalogue_code VARCHAR(30) NOT NULL,
    PRIMARY KEY (notice_id, catalogue_code)
);

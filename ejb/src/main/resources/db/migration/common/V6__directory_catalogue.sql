-- The procurement catalogue (政府采购品目分类目录, 财库〔2022〕31号) and its CSV import jobs.
-- A code is a category letter and 8 digits (A02010105); the bare letter is a root. Items are never
-- deleted (requirements and contracts keep their codes): an item no longer in force is inactive.
-- parent_code has no foreign key on purpose: an import writes in chunks ordered parents-first and
-- checks every parent before it writes anything.
CREATE TABLE catalogue_item (
    code           VARCHAR(30)  NOT NULL PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    parent_code    VARCHAR(30),
    category       CHAR(1)      NOT NULL,
    depth          INTEGER      NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_import_id BIGINT,
    CONSTRAINT catalogue_item_category_known CHECK (category IN ('A', 'B', 'C')),
    CONSTRAINT catalogue_item_depth_range CHECK (depth BETWEEN 0 AND 4),
    CONSTRAINT catalogue_item_root_has_no_parent
        CHECK ((depth = 0 AND parent_code IS NULL) OR (depth > 0 AND parent_code IS NOT NULL))
);

CREATE INDEX catalogue_item_parent ON catalogue_item (parent_code, code);
CREATE INDEX catalogue_item_category ON catalogue_item (category, code);

CREATE SEQUENCE catalogue_import_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE catalogue_import (
    id             BIGINT      NOT NULL PRIMARY KEY,
    status         VARCHAR(20) NOT NULL,
    import_mode    VARCHAR(10) NOT NULL,
    file_bytes     BIGINT      NOT NULL,
    total_rows     INTEGER     NOT NULL DEFAULT 0,
    processed_rows INTEGER     NOT NULL DEFAULT 0,
    created_rows   INTEGER     NOT NULL DEFAULT 0,
    updated_rows   INTEGER     NOT NULL DEFAULT 0,
    deactivated_rows INTEGER   NOT NULL DEFAULT 0,
    error_count    INTEGER     NOT NULL DEFAULT 0,
    requested_by   VARCHAR(60) NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    failure        VARCHAR(300),
    version        BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT catalogue_import_status_known
        CHECK (status IN ('QUEUED', 'VALIDATING', 'WRITING', 'DONE', 'REFUSED', 'FAILED')),
    CONSTRAINT catalogue_import_mode_known CHECK (import_mode IN ('MERGE', 'REPLACE'))
);

CREATE INDEX catalogue_import_requested ON catalogue_import (requested_at);

-- The faults of a refused file, line by line (the message is localised when it is read).
CREATE TABLE catalogue_import_error (
    import_id  BIGINT      NOT NULL REFERENCES catalogue_import (id),
    seq        INTEGER     NOT NULL,
    line_no    INTEGER     NOT NULL,
    field      VARCHAR(20),
    reason     VARCHAR(40) NOT NULL,
    bad_value  VARCHAR(200),
    other_line INTEGER,
    PRIMARY KEY (import_id, seq)
);

-- Stage 1: requirements (采购需求) with their items, the procurement intention (采购意向) each
-- approved plan prepares, and the administrator's values of the procurement method rule table.
CREATE SEQUENCE requirement_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE requirement_item_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE procurement_intention_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE requirement (
    id              BIGINT        NOT NULL PRIMARY KEY,
    reference       VARCHAR(30)   NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    summary         VARCHAR(2000),
    unit_id         BIGINT        NOT NULL REFERENCES organisation (id),
    budget_line_id  BIGINT        NOT NULL REFERENCES budget_line (id),
    category        VARCHAR(1)    NOT NULL,
    method          VARCHAR(30)   NOT NULL,
    method_reason   VARCHAR(500),
    centralised     BOOLEAN       NOT NULL,
    total           NUMERIC(18,2) NOT NULL,
    frozen_amount   NUMERIC(18,2) NOT NULL,
    planned_start   DATE          NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    decision_note   VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE,
    decided_at      TIMESTAMP WITH TIME ZONE,
    decided_by      VARCHAR(60),
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT requirement_reference_unique UNIQUE (reference),
    CONSTRAINT requirement_category_known CHECK (category IN ('A', 'B', 'C')),
    CONSTRAINT requirement_state_known
        CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'CANCELLED')),
    CONSTRAINT requirement_method_known CHECK (method IN ('OPEN_TENDER', 'INVITED_TENDER',
        'COMPETITIVE_NEGOTIATION', 'COMPETITIVE_CONSULTATION', 'REQUEST_FOR_QUOTATION',
        'SINGLE_SOURCE', 'REVERSE_AUCTION')),
    CONSTRAINT requirement_amounts CHECK (total > 0 AND frozen_amount >= 0),
    -- a freeze is held exactly while the plan is submitted or approved
    CONSTRAINT requirement_freeze_held CHECK (
        (state IN ('SUBMITTED', 'APPROVED') AND frozen_amount = total)
        OR (state IN ('DRAFT', 'RETURNED', 'CANCELLED') AND frozen_amount = 0))
);

CREATE INDEX requirement_unit_state ON requirement (unit_id, state);
CREATE INDEX requirement_state ON requirement (state);
CREATE INDEX requirement_line ON requirement (budget_line_id);

CREATE TABLE requirement_item (
    id             BIGINT        NOT NULL PRIMARY KEY,
    requirement_id BIGINT        NOT NULL REFERENCES requirement (id),
    line_no        INTEGER       NOT NULL,
    catalogue_code VARCHAR(30)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    specification  VARCHAR(2000),
    quantity       NUMERIC(18,3) NOT NULL,
    unit           VARCHAR(20)   NOT NULL,
    unit_price     NUMERIC(18,2) NOT NULL,
    amount         NUMERIC(18,2) NOT NULL,
    CONSTRAINT requirement_item_line_unique UNIQUE (requirement_id, line_no),
    CONSTRAINT requirement_item_positive CHECK (quantity > 0 AND unit_price > 0 AND amount > 0)
);

CREATE TABLE procurement_intention (
    id             BIGINT        NOT NULL PRIMARY KEY,
    requirement_id BIGINT        NOT NULL REFERENCES requirement (id),
    unit_name      VARCHAR(200)  NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    summary        VARCHAR(2000) NOT NULL,
    budget         NUMERIC(18,2) NOT NULL,
    expected_month VARCHAR(7)    NOT NULL,
    planned_start  DATE          NOT NULL,
    state          VARCHAR(20)   NOT NULL,
    prepared_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE,
    published_by   VARCHAR(60),
    version        BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT procurement_intention_requirement_unique UNIQUE (requirement_id),
    CONSTRAINT procurement_intention_state_known CHECK (state IN ('PREPARED', 'PUBLISHED'))
);

CREATE INDEX procurement_intention_published ON procurement_intention (state, published_at);

CREATE TABLE rule_setting (
    rule_key   VARCHAR(80)   NOT NULL PRIMARY KEY,
    rule_value VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(60)   NOT NULL,
    version    BIGINT        NOT NULL DEFAULT 0
);

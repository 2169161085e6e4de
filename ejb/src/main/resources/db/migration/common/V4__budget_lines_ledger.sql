-- Budget lines (预算指标) and their ledger. A line is never given a balance: every movement is
-- an entry, and each entry carries the line's balances after it, so that the last entry IS the
-- balance and any entry can be re-derived from the ones before it. Two guards keep overspending
-- out even if the application were wrong: the balance check on every row, and the unique
-- (line, position) pair, which lets only one of two writers that read the same last entry append.
CREATE SEQUENCE budget_line_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE budget_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE budget_line (
    id              BIGINT       NOT NULL PRIMARY KEY,
    fiscal_year     INTEGER      NOT NULL,
    code            VARCHAR(40)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    unit_id         BIGINT       NOT NULL REFERENCES organisation (id),
    functional_code VARCHAR(7)   NOT NULL,
    economic_code   VARCHAR(5)   NOT NULL,
    funding_source  VARCHAR(30)  NOT NULL,
    entry_count     INTEGER      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(60)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT budget_line_year_sane CHECK (fiscal_year BETWEEN 2000 AND 2100),
    CONSTRAINT budget_line_source_known CHECK (funding_source IN ('GENERAL_PUBLIC_BUDGET',
        'GOVERNMENT_FUND', 'STATE_CAPITAL', 'FISCAL_SPECIAL_ACCOUNT', 'UNIT_OWN')),
    CONSTRAINT budget_line_code_unique UNIQUE (fiscal_year, code)
);

CREATE INDEX budget_line_unit ON budget_line (unit_id, fiscal_year);

CREATE TABLE budget_entry (
    id             BIGINT        NOT NULL PRIMARY KEY,
    line_id        BIGINT        NOT NULL REFERENCES budget_line (id),
    entry_no       INTEGER       NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    amount         NUMERIC(18,2) NOT NULL,
    approved_after NUMERIC(18,2) NOT NULL,
    frozen_after   NUMERIC(18,2) NOT NULL,
    spent_after    NUMERIC(18,2) NOT NULL,
    reference_type VARCHAR(40),
    reference_id   VARCHAR(60),
    note           VARCHAR(500),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    VARCHAR(60)   NOT NULL,
    CONSTRAINT budget_entry_kind_known
        CHECK (kind IN ('APPROPRIATION', 'ADJUSTMENT', 'FREEZE', 'RELEASE', 'SPEND')),
    CONSTRAINT budget_entry_amount_signed
        CHECK (amount <> 0 AND (kind = 'ADJUSTMENT' OR amount > 0)),
    CONSTRAINT budget_entry_no_overspend
        CHECK (frozen_after >= 0 AND spent_after >= 0
               AND approved_after - frozen_after - spent_after >= 0),
    CONSTRAINT budget_entry_position_unique UNIQUE (line_id, entry_no)
);

CREATE INDEX budget_entry_reference ON budget_entry (reference_type, reference_id);

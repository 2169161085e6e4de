-- Stage 3: the award (成交结果) of a lot. Prepared by the auction's close in the same transaction
-- (the lowest valid bid wins: supplier, amount, the ceiling and the saving, and the ranking as it
-- stood at the close), then published by the project's agency as the award notice (成交结果公告)
-- within 2 working days (实施条例 第四十三条). The next stage drafts the contract from it.
-- State moves PREPARED → PUBLISHED once; one award per lot.
CREATE SEQUENCE award_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE award (
    id               BIGINT        NOT NULL PRIMARY KEY,
    project_id       BIGINT        NOT NULL REFERENCES procurement_project (id),
    lot_no           INTEGER       NOT NULL,
    source           VARCHAR(10)   NOT NULL,
    auction_id       BIGINT        REFERENCES auction (id),
    supplier_id      BIGINT        NOT NULL REFERENCES organisation (id),
    amount           NUMERIC(18,2) NOT NULL,
    ceiling          NUMERIC(18,2) NOT NULL,
    saving           NUMERIC(18,2) NOT NULL,
    qualified_count  INTEGER       NOT NULL,
    state            VARCHAR(10)   NOT NULL,
    prepared_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    publication_due  TIMESTAMP WITH TIME ZONE,
    published_at     TIMESTAMP WITH TIME ZONE,
    published_by     VARCHAR(60),
    notice_id        BIGINT        REFERENCES notice (id),
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT award_lot_unique UNIQUE (project_id, lot_no),
    CONSTRAINT award_lot_exists FOREIGN KEY (project_id, lot_no)
        REFERENCES project_lot (project_id, lot_no),
    CONSTRAINT award_source_known CHECK (source IN ('AUCTION')
        AND (source <> 'AUCTION' OR auction_id IS NOT NULL)),
    CONSTRAINT award_state_known CHECK (state IN ('PREPARED', 'PUBLISHED')),
    CONSTRAINT award_figures CHECK (amount > 0 AND amount <= ceiling
        AND saving = ceiling - amount AND qualified_count >= 1),
    CONSTRAINT award_published_whole CHECK ((state = 'PREPARED' AND published_at IS NULL
        AND published_by IS NULL AND notice_id IS NULL) OR (state = 'PUBLISHED'
        AND published_at IS NOT NULL AND published_by IS NOT NULL AND notice_id IS NOT NULL))
);

CREATE UNIQUE INDEX award_auction_unique ON award (auction_id);
CREATE INDEX award_notice ON award (notice_id);

-- the ranking at the close: every bidder at its lowest accepted bid, lowest first
CREATE TABLE award_ranking (
    award_id     BIGINT        NOT NULL REFERENCES award (id),
    rank_no      INTEGER       NOT NULL,
    supplier_id  BIGINT        NOT NULL REFERENCES organisation (id),
    amount       NUMERIC(18,2) NOT NULL,
    accepted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT award_ranking_pk PRIMARY KEY (award_id, rank_no)
);

-- Stage 3: online reverse auctions (网上竞价). One auction per lot of a project published as a reverse
-- auction, its rules fixed at publication; every accepted bid; and the auction's log of every bid,
-- accepted or refused, chained by SHA-256 like the audit trail.
CREATE SEQUENCE auction_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE auction_bid_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE auction_log_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE auction (
    id                BIGINT        NOT NULL PRIMARY KEY,
    project_id        BIGINT        NOT NULL REFERENCES procurement_project (id),
    lot_no            INTEGER       NOT NULL,
    ceiling           NUMERIC(18,2) NOT NULL,
    decrement_kind    VARCHAR(10)   NOT NULL,
    decrement_value   NUMERIC(18,2) NOT NULL,
    basis             VARCHAR(10)   NOT NULL,
    window_seconds    INTEGER       NOT NULL,
    extension_seconds INTEGER       NOT NULL,
    max_extensions    INTEGER       NOT NULL,
    visibility        VARCHAR(20)   NOT NULL,
    min_bidders       INTEGER       NOT NULL,
    starts_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_close   TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    extensions        INTEGER       NOT NULL DEFAULT 0,
    best_amount       NUMERIC(18,2),
    bid_count         INTEGER       NOT NULL DEFAULT 0,
    log_count         INTEGER       NOT NULL DEFAULT 0,
    last_hash         VARCHAR(64)   NOT NULL,
    alias_salt        VARCHAR(64)   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT auction_lot_unique UNIQUE (project_id, lot_no),
    CONSTRAINT auction_lot_exists FOREIGN KEY (project_id, lot_no)
        REFERENCES project_lot (project_id, lot_no),
    CONSTRAINT auction_kinds CHECK (decrement_kind IN ('AMOUNT', 'PERCENT')
        AND basis IN ('BEST', 'OWN_LAST') AND visibility IN ('RANK_AND_BEST', 'RANK_ONLY')),
    CONSTRAINT auction_figures CHECK (ceiling > 0 AND decrement_value > 0 AND min_bidders >= 1
        AND extensions >= 0 AND extensions <= max_extensions AND closes_at > starts_at)
);

CREATE TABLE auction_bid (
    id          BIGINT        NOT NULL PRIMARY KEY,
    auction_id  BIGINT        NOT NULL REFERENCES auction (id),
    seq         INTEGER       NOT NULL,
    bidder_id   BIGINT        NOT NULL REFERENCES organisation (id),
    amount      NUMERIC(18,2) NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    client_key  VARCHAR(64),
    CONSTRAINT auction_bid_seq_unique UNIQUE (auction_id, seq),
    CONSTRAINT auction_bid_positive CHECK (amount > 0)
);

-- a retried request with the same client key is the same bid, never a second one
CREATE UNIQUE INDEX auction_bid_client_key ON auction_bid (auction_id, bidder_id, client_key);

CREATE TABLE auction_log (
    id          BIGINT        NOT NULL PRIMARY KEY,
    auction_id  BIGINT        NOT NULL REFERENCES auction (id),
    seq         INTEGER       NOT NULL,
    logged_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    bidder_id   BIGINT        NOT NULL REFERENCES organisation (id),
    alias       VARCHAR(20)   NOT NULL,
    amount      VARCHAR(60)   NOT NULL,
    outcome     VARCHAR(40)   NOT NULL,
    hash        VARCHAR(64)   NOT NULL,
    CONSTRAINT auction_log_seq_unique UNIQUE (auction_id, seq)
);

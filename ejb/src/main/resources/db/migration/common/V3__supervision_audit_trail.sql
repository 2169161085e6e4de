-- The audit trail: append-only rows chained by SHA-256, and the single-row head of the chain.
CREATE TABLE audit_entry (
    seq            BIGINT        NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(60)   NOT NULL,
    actor_roles    VARCHAR(120),
    organisation   VARCHAR(200),
    client_address VARCHAR(64),
    action         VARCHAR(60)   NOT NULL,
    object_type    VARCHAR(60),
    object_id      VARCHAR(200),
    before_state   VARCHAR(2000),
    after_state    VARCHAR(2000),
    prev_hash      CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL
);

CREATE INDEX audit_entry_actor ON audit_entry (actor, occurred_at);
CREATE INDEX audit_entry_object ON audit_entry (object_type, object_id);
CREATE INDEX audit_entry_action ON audit_entry (action, occurred_at);

CREATE TABLE audit_chain_head (
    id        BIGINT   NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_single CHECK (id = 1)
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

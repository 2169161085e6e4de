-- The "my work" inbox shared by every stage: what waits for whom, with its deadline.
-- EclipseLink takes a sequence value as the top of a block of allocationSize ids, so every
-- sequence starts at its increment (50).
CREATE SEQUENCE work_item_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE work_item (
    id               BIGINT        NOT NULL PRIMARY KEY,
    assignee_role    VARCHAR(20)   NOT NULL,
    organisation_id  BIGINT,
    assignee_user_id BIGINT,
    kind             VARCHAR(80)   NOT NULL,
    subject_type     VARCHAR(60)   NOT NULL,
    subject_id       VARCHAR(60)   NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at          TIMESTAMP WITH TIME ZONE,
    version          BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX work_item_open_by_role ON work_item (assignee_role, done_at, due_at);

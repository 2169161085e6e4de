-- Issue 4 (enrol): the bad-conduct list (政府采购严重违法失信行为记录名单, 政府采购法 第七十七条) and the
-- suppliers' enrolments (报名/获取采购文件登记) in the lots of published projects.
CREATE SEQUENCE bad_conduct_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE enrolment_seq START WITH 50 INCREMENT BY 50;

-- One listing under one penalty decision; never deleted: lifting early keeps who, when and why.
-- starts_on and ends_on are Beijing dates, both included (a one-year ban from 2026-03-01 ends on
-- 2027-02-28); the one-to-three-year bound is checked by the application with the article cited.
CREATE TABLE bad_conduct (
    id              BIGINT        NOT NULL PRIMARY KEY,
    organisation_id BIGINT        NOT NULL REFERENCES organisation (id),
    decision_ref    VARCHAR(100)  NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    starts_on       DATE          NOT NULL,
    ends_on         DATE          NOT NULL,
    listed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    listed_by       VARCHAR(60)   NOT NULL,
    lifted_at       TIMESTAMP WITH TIME ZONE,
    lifted_by       VARCHAR(60),
    lift_reason     VARCHAR(1000),
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT bad_conduct_period CHECK (ends_on >= starts_on),
    CONSTRAINT bad_conduct_lift_complete CHECK (
        (lifted_at IS NULL AND lifted_by IS NULL AND lift_reason IS NULL)
        OR (lifted_at IS NOT NULL AND lifted_by IS NOT NULL AND lift_reason IS NOT NULL))
);

CREATE INDEX bad_conduct_organisation ON bad_conduct (organisation_id, ends_on);

-- A supplier's enrolment in one lot: at most one row per (project, lot, supplier), which is what
-- keeps two simultaneous requests from making two. A withdrawal keeps the row (withdrawn_at set);
-- enrolling again before the deadline re-opens it.
CREATE TABLE enrolment (
    id              BIGINT      NOT NULL PRIMARY KEY,
    project_id      BIGINT      NOT NULL REFERENCES procurement_project (id),
    lot_no          INTEGER     NOT NULL,
    organisation_id BIGINT      NOT NULL REFERENCES organisation (id),
    username        VARCHAR(60) NOT NULL,
    enrolled_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at    TIMESTAMP WITH TIME ZONE,
    withdrawn_by    VARCHAR(60),
    version         BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT enrolment_once UNIQUE (project_id, lot_no, organisation_id),
    CONSTRAINT enrolment_lot FOREIGN KEY (project_id, lot_no) REFERENCES project_lot (project_id, lot_no)
);

CREATE INDEX enrolment_supplier ON enrolment (organisation_id, enrolled_at);

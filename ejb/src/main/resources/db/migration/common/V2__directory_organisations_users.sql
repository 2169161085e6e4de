-- Organisations, users with their roles, API tokens and the platform's own keys.
CREATE SEQUENCE organisation_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE app_user_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE organisation (
    id          BIGINT       NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    org_type    VARCHAR(30)  NOT NULL,
    credit_code VARCHAR(18),
    size_class  VARCHAR(10),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT organisation_type_known
        CHECK (org_type IN ('FINANCE_BUREAU', 'PURCHASING_UNIT', 'AGENCY', 'SUPPLIER')),
    CONSTRAINT organisation_size_known
        CHECK (size_class IS NULL OR size_class IN ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
    CONSTRAINT organisation_name_unique UNIQUE (name)
);

CREATE UNIQUE INDEX organisation_credit_code_unique ON organisation (credit_code);

CREATE TABLE app_user (
    id              BIGINT       NOT NULL PRIMARY KEY,
    username        VARCHAR(40)  NOT NULL,
    display_name    VARCHAR(100) NOT NULL,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    password_hash   VARCHAR(200) NOT NULL,
    failed_sign_ins INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_username_unique UNIQUE (username)
);

CREATE INDEX app_user_organisation ON app_user (organisation_id);

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL REFERENCES app_user (id),
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_known
        CHECK (role IN ('PURCHASER', 'AGENCY', 'SUPPLIER', 'EXPERT', 'FINANCE', 'SUPERVISOR', 'ADMIN'))
);

CREATE TABLE api_token (
    token_id       VARCHAR(43) NOT NULL PRIMARY KEY,
    user_id        BIGINT      NOT NULL REFERENCES app_user (id),
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    revoked_reason VARCHAR(30)
);

CREATE INDEX api_token_user ON api_token (user_id, revoked_at);

CREATE TABLE platform_key (
    name         VARCHAR(60)  NOT NULL PRIMARY KEY,
    key_material VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

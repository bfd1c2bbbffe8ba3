-- Logins and API tokens (see docs/security.md). Support staff log in with their roster username;
-- an admin is a login without a roster row. Passwords are bcrypt hashes; API tokens are stored as
-- the SHA-256 of the token (the token itself is shown once, when it is created).
CREATE TABLE app_user (
    username        VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(100) NOT NULL,
    role            VARCHAR(32)  NOT NULL,           -- AGENT, SPECIALIST, MANAGER, HEAD_OF_SUPPORT, ADMIN
    roster_username VARCHAR(64)  NULL REFERENCES roster_member (username),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT app_user_role CHECK (role IN ('AGENT', 'SPECIALIST', 'MANAGER', 'HEAD_OF_SUPPORT', 'ADMIN')),
    -- support staff are on the roster under the same username; an admin is not
    CONSTRAINT app_user_staff_on_roster CHECK ((role = 'ADMIN' AND roster_username IS NULL) OR roster_username = username)
);

CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(100) NOT NULL UNIQUE,
    token_sha256 CHAR(64)     NOT NULL UNIQUE,
    role         VARCHAR(32)  NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    revoked_at   DATETIME(6)  NULL,
    CONSTRAINT api_token_role CHECK (role IN ('AGENT', 'SPECIALIST', 'MANAGER', 'HEAD_OF_SUPPORT', 'ADMIN'))
);

-- Capillary gateway: the submission ledger, its outbox, the idempotency records and the two
-- write-through tables the authorisation filter reads (policies, project coverage, devices).
-- Runs unchanged on PostgreSQL 15 and on H2 2.x in MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE
-- (the embedded default), so it sticks to the SQL both understand: sequences instead of SERIAL,
-- BYTEA, TIMESTAMP WITH TIME ZONE, no JSONB, no partial indexes — and no CHECK constraints:
-- H2 2.4.240 fails every CHECK that compares strings once the session that created it has closed
-- (h2database/h2database#4302, #4342; "Check constraint invalid ... database has been closed"),
-- which in the application happens when the pool retires Flyway's connection. The allowed values
-- are kept by the code that writes the rows (JdbcIdempotencyStore, JdbcLedger).
-- Written by JdbcLedger and JdbcIdempotencyStore (org.capillary.gateway.store).

-- Positions in the district ledger. Values are allocated in the appending transaction, so they
-- strictly increase in allocation order; a rolled-back append leaves a gap, and two appends in
-- flight may commit in the opposite order of their numbers.
CREATE SEQUENCE ledger_seq START WITH 1 INCREMENT BY 1;

CREATE SEQUENCE outbox_seq START WITH 1 INCREMENT BY 1;

-- One row per accepted write, with the request exactly as it was signed.
CREATE TABLE submission (
    seq             BIGINT       NOT NULL,
    -- sub_ + 26-character Crockford ULID
    submission_id   VARCHAR(30)  NOT NULL,
    connector_id    VARCHAR(64)  NOT NULL,
    operation_id    VARCHAR(64)  NOT NULL,
    method          VARCHAR(16)  NOT NULL,
    -- raw path and query as received
    path            TEXT         NOT NULL,
    -- the subject project, where the operation has one
    project_id      VARCHAR(64),
    content_type    VARCHAR(255) NOT NULL,
    -- the body bytes verbatim (never re-encoded)
    body            BYTEA        NOT NULL,
    -- the Capillary-Signature header verbatim
    signature       TEXT         NOT NULL,
    -- the RFC 9530 Content-Digest value of body
    content_digest  TEXT         NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    jti             VARCHAR(255) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the gateway's receipt (compact JWS)
    receipt         TEXT         NOT NULL,
    -- ACCEPTED, then PROCESSED or REJECTED_BY_RULES (an extensible vocabulary: no CHECK)
    status          VARCHAR(32)  NOT NULL,
    processed_at    TIMESTAMP WITH TIME ZONE,
    status_detail   TEXT,
    CONSTRAINT submission_pk PRIMARY KEY (seq),
    CONSTRAINT submission_id_uq UNIQUE (submission_id),
    -- the ledger itself guarantees one submission per idempotency key, whatever happens to the
    -- idempotency records (lease take-over, purge after the retention period)
    CONSTRAINT submission_idempotency_uq UNIQUE (connector_id, idempotency_key)
);

CREATE INDEX submission_project_ix ON submission (project_id, seq);

-- Work that follows an accepted submission (projections, rules, events), written in the same
-- transaction as the submission it names.
CREATE TABLE outbox (
    id             BIGINT      NOT NULL,
    submission_seq BIGINT      NOT NULL,
    topic          VARCHAR(64) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at   TIMESTAMP WITH TIME ZONE,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT outbox_pk PRIMARY KEY (id),
    CONSTRAINT outbox_submission_fk FOREIGN KEY (submission_seq) REFERENCES submission (seq)
);

CREATE INDEX outbox_pending_ix ON outbox (processed_at, id);

-- IETF Idempotency-Key records: one per (connector, key), IN_FLIGHT under a lease until the
-- ledger marks it COMPLETED with the response to replay.
CREATE TABLE idempotency_record (
    connector_id    VARCHAR(64)  NOT NULL,
    idem_key        VARCHAR(255) NOT NULL,
    body_digest     TEXT         NOT NULL,
    operation_id    VARCHAR(64)  NOT NULL,
    -- IN_FLIGHT or COMPLETED; response_status and response_body are set exactly when COMPLETED
    state           VARCHAR(16)  NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE NOT NULL,
    response_status INTEGER,
    response_body   BYTEA,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (connector_id, idem_key)
);

CREATE INDEX idempotency_record_expiry_ix ON idempotency_record (expires_at);

-- Which insurer registered a policy (written by registerPolicy; read by authorisation for
-- /v1/policies/{policyId}/...). policy_id is unique district-wide, like every id that appears
-- alone in a resource path.
CREATE TABLE policy (
    policy_id            VARCHAR(64) NOT NULL,
    insurer_connector_id VARCHAR(64) NOT NULL,
    -- the submission that last wrote the row
    submission_seq       BIGINT      NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT policy_pk PRIMARY KEY (policy_id)
);

-- Which insurer covers a works project (written by registerPolicy; read by authorisation).
CREATE TABLE project_coverage (
    project_id           VARCHAR(64) NOT NULL,
    insurer_connector_id VARCHAR(64) NOT NULL,
    policy_id            VARCHAR(64) NOT NULL,
    subdistrict_code     VARCHAR(32),
    -- the submission that last wrote the row
    submission_seq       BIGINT      NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT project_coverage_pk PRIMARY KEY (project_id)
);

CREATE INDEX project_coverage_insurer_ix ON project_coverage (insurer_connector_id);

-- Which connector registered a device, and on which project (written by registerDevice; read by
-- authorisation). device_id is unique district-wide: alerts name the device alone
-- (urn:capillary:device:<deviceId>), so one id cannot belong to two connectors.
CREATE TABLE device (
    device_id      VARCHAR(64) NOT NULL,
    connector_id   VARCHAR(64) NOT NULL,
    project_id     VARCHAR(64) NOT NULL,
    kind           VARCHAR(64) NOT NULL,
    submission_seq BIGINT      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT device_pk PRIMARY KEY (device_id),
    CONSTRAINT device_project_fk FOREIGN KEY (project_id) REFERENCES project_coverage (project_id)
);

CREATE INDEX device_connector_ix ON device (connector_id, device_id);

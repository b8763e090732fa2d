-- Capillary gateway: projections of the ledger, obligations, platform events and their delivery.
-- Runs unchanged on PostgreSQL 15 and on H2 2.x in MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE: no
-- SERIAL, no JSONB (documents are TEXT holding JSON), no partial indexes, no CHECK constraints
-- (see V1__ledger.sql: H2 breaks CHECKs comparing strings); allowed values are kept by the code.
--
-- Everything in the prj_ tables is derived from the ledger by the projection worker
-- (org.capillary.gateway.projection) and can be rebuilt from it: ProjectionRebuilder deletes these
-- rows and replays the ledger in seq order. The event and event_delivery tables are not
-- projections: they record what the platform has told subscribers, and survive a rebuild.

-- One row; the projection worker (and the rebuilder) lock it, so one replica projects at a time
-- and submissions are applied strictly in ledger order.
CREATE TABLE projection_lock (
    name        VARCHAR(32) NOT NULL,
    CONSTRAINT projection_lock_pk PRIMARY KEY (name)
);
INSERT INTO projection_lock (name) VALUES ('projection');

-- The submissions applied to the projections: each is applied at most once, so processing an
-- outbox row again (or twice) changes nothing.
CREATE TABLE prj_applied (
    submission_seq BIGINT NOT NULL,
    CONSTRAINT prj_applied_pk PRIMARY KEY (submission_seq)
);

-- A works project as registered (registerPolicy) and its works status (reportWorksStatus).
CREATE TABLE prj_project (
    project_id              VARCHAR(64)  NOT NULL,
    policy_id               VARCHAR(64)  NOT NULL,
    insurer_connector_id    VARCHAR(64)  NOT NULL,
    subdistrict_code        VARCHAR(32)  NOT NULL,
    -- the project object of the registration, verbatim (personal data: shown masked only)
    doc                     TEXT         NOT NULL,
    filed_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    high_risk               BOOLEAN      NOT NULL,
    high_risk_designated_at TIMESTAMP WITH TIME ZONE,
    -- REGISTERED, IN_PROGRESS, SUSPENDED, COMPLETED, CANCELLED
    status                  VARCHAR(32)  NOT NULL,
    status_changed_at       TIMESTAMP WITH TIME ZONE,
    actual_start_at         TIMESTAMP WITH TIME ZONE,
    completed_at            TIMESTAMP WITH TIME ZONE,
    registered_seq          BIGINT       NOT NULL,
    last_seq                BIGINT       NOT NULL,
    CONSTRAINT prj_project_pk PRIMARY KEY (project_id)
);

CREATE INDEX prj_project_subdistrict_ix ON prj_project (subdistrict_code);
CREATE INDEX prj_project_insurer_ix ON prj_project (insurer_connector_id);

-- A policy as registered: the money facts of rule R-02 and the summary of project views.
CREATE TABLE prj_policy (
    policy_id             VARCHAR(64) NOT NULL,
    insurer_connector_id  VARCHAR(64) NOT NULL,
    -- the registration without its projects
    doc                   TEXT        NOT NULL,
    premium_collected     DECIMAL(18, 2) NOT NULL,
    prevention_fee_budget DECIMAL(18, 2) NOT NULL,
    last_seq              BIGINT      NOT NULL,
    CONSTRAINT prj_policy_pk PRIMARY KEY (policy_id)
);

-- Registered workers of a project, by matching key (identity number, else "name:" + name).
CREATE TABLE prj_worker (
    project_id   VARCHAR(64)  NOT NULL,
    worker_key   VARCHAR(128) NOT NULL,
    -- receipt time of the first registration that listed the worker
    listed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    listed_seq   BIGINT       NOT NULL,
    CONSTRAINT prj_worker_pk PRIMARY KEY (project_id, worker_key)
);

-- The records filed about a project or policy, one row per record id and kind (a record filed
-- again under the same id replaces the earlier one): RISK_ASSESSMENT, INSPECTION, RECTIFICATION,
-- VERIFICATION, TRAINING, EMERGENCY_PLAN, DRILL, STATUS_CHANGE, PREVENTION_FEE.
CREATE TABLE prj_record (
    kind           VARCHAR(32)  NOT NULL,
    -- the project, or for PREVENTION_FEE the policy
    owner_id       VARCHAR(64)  NOT NULL,
    record_id      VARCHAR(64)  NOT NULL,
    project_id     VARCHAR(64),
    submission_seq BIGINT       NOT NULL,
    submission_id  VARCHAR(30)  NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the time the record states (startedAt, assessedAt, heldAt, …)
    record_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    doc            TEXT         NOT NULL,
    CONSTRAINT prj_record_pk PRIMARY KEY (kind, owner_id, record_id)
);

CREATE INDEX prj_record_project_ix ON prj_record (project_id, kind);

-- The hazard ledger (隐患台账) with its closed loop OPEN → RECTIFIED → VERIFIED (REJECTED sends it
-- back to RECTIFYING). row_seq = submission seq × 1000 + position of the finding: the stable
-- order of cursor pages, identical after a rebuild.
CREATE TABLE prj_hazard (
    project_id             VARCHAR(64)  NOT NULL,
    hazard_id              VARCHAR(64)  NOT NULL,
    row_seq                BIGINT       NOT NULL,
    subdistrict_code       VARCHAR(32)  NOT NULL,
    insurer_connector_id   VARCHAR(64)  NOT NULL,
    source                 VARCHAR(32)  NOT NULL,
    source_ref             VARCHAR(64),
    category               VARCHAR(32)  NOT NULL,
    description            TEXT         NOT NULL,
    location               TEXT,
    grade                  VARCHAR(16)  NOT NULL,
    major_criterion_ref    VARCHAR(64),
    -- MaskedPerson JSON
    responsible_person     TEXT,
    rectification_deadline TIMESTAMP WITH TIME ZONE,
    -- JSON array of strings
    required_measures      TEXT         NOT NULL,
    -- StopWork JSON
    stop_work              TEXT,
    stop_work_scope        VARCHAR(16),
    status                 VARCHAR(16)  NOT NULL,
    detected_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    inspection_ended_at    TIMESTAMP WITH TIME ZONE,
    insured_notified_at    TIMESTAMP WITH TIME ZONE,
    reinspected_at         TIMESTAMP WITH TIME ZONE,
    verified_at            TIMESTAMP WITH TIME ZONE,
    verification_id        VARCHAR(64),
    closed_at              TIMESTAMP WITH TIME ZONE,
    -- the last rectification's rectifier, to refuse a verification by the same person
    rectifier_key          VARCHAR(128),
    status_detail          TEXT,
    last_seq               BIGINT       NOT NULL,
    CONSTRAINT prj_hazard_pk PRIMARY KEY (project_id, hazard_id),
    CONSTRAINT prj_hazard_row_uq UNIQUE (row_seq)
);

CREATE INDEX prj_hazard_subdistrict_ix ON prj_hazard (subdistrict_code, row_seq);
CREATE INDEX prj_hazard_insurer_ix ON prj_hazard (insurer_connector_id, row_seq);
CREATE INDEX prj_hazard_deadline_ix ON prj_hazard (rectification_deadline);

-- Devices as registered.
CREATE TABLE prj_device (
    device_id      VARCHAR(64) NOT NULL,
    project_id     VARCHAR(64) NOT NULL,
    connector_id   VARCHAR(64) NOT NULL,
    kind           VARCHAR(64) NOT NULL,
    doc            TEXT        NOT NULL,
    last_seq       BIGINT      NOT NULL,
    CONSTRAINT prj_device_pk PRIMARY KEY (device_id)
);

-- Alerts as received (publishAlert, publishAlertBatch): the event verbatim and what the platform
-- recorded about it. An alert never opens a hazard by itself (rule R-34; no review operation yet).
CREATE TABLE prj_alert (
    submission_seq       BIGINT       NOT NULL,
    item_index           INTEGER      NOT NULL,
    submission_id        VARCHAR(30)  NOT NULL,
    project_id           VARCHAR(64)  NOT NULL,
    subdistrict_code     VARCHAR(32),
    insurer_connector_id VARCHAR(64),
    connector_id         VARCHAR(64)  NOT NULL,
    event_source         VARCHAR(512) NOT NULL,
    event_id             VARCHAR(512) NOT NULL,
    event_type           VARCHAR(128) NOT NULL,
    outcome              VARCHAR(32),
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    duplicate_of         VARCHAR(30),
    review_status        VARCHAR(16)  NOT NULL,
    hazard_id            VARCHAR(64),
    event_json           TEXT         NOT NULL,
    CONSTRAINT prj_alert_pk PRIMARY KEY (submission_seq, item_index)
);

CREATE INDEX prj_alert_project_ix ON prj_alert (project_id, submission_seq);
CREATE INDEX prj_alert_event_ix ON prj_alert (event_source, event_id);

-- Subscriptions (createSubscription).
CREATE TABLE prj_subscription (
    subscription_id         VARCHAR(64)   NOT NULL,
    subscriber_connector_id VARCHAR(64)   NOT NULL,
    url                     VARCHAR(2048) NOT NULL,
    -- JSON arrays
    event_types             TEXT          NOT NULL,
    subdistrict_codes       TEXT,
    project_ids             TEXT,
    last_seq                BIGINT        NOT NULL,
    CONSTRAINT prj_subscription_pk PRIMARY KEY (subscription_id)
);

-- Obligations per project under the rule profile, as last evaluated (on each submission and by
-- the obligation clock).
CREATE TABLE prj_obligation (
    project_id         VARCHAR(64)  NOT NULL,
    obligation_id      VARCHAR(200) NOT NULL,
    rule_id            VARCHAR(16)  NOT NULL,
    title              TEXT         NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE,
    state              VARCHAR(16)  NOT NULL,
    -- JSON array
    satisfied_by       TEXT         NOT NULL,
    detail             TEXT,
    due_soon           BOOLEAN      NOT NULL,
    evaluated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT prj_obligation_pk PRIMARY KEY (project_id, obligation_id)
);

CREATE INDEX prj_obligation_state_ix ON prj_obligation (state, project_id);

-- What the platform has announced once and must not announce again: an obligation due soon
-- (DUE_SOON) or missed (MISSED), a hazard overdue (OVERDUE). Inserted with ON CONFLICT DO NOTHING
-- in the transaction that records the event, so two replicas never announce the same thing. Not
-- a projection: it survives a rebuild (nothing is announced twice).
CREATE TABLE notice (
    project_id  VARCHAR(64)  NOT NULL,
    subject_id  VARCHAR(200) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    noticed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notice_pk PRIMARY KEY (project_id, subject_id, kind)
);

-- Platform events (CloudEvents), in commit order: seq comes from event_counter, whose row each
-- inserting transaction locks until it commits, so a reader paging by seq never skips an event
-- that commits later with a smaller number.
CREATE TABLE event_counter (
    name      VARCHAR(32) NOT NULL,
    last_seq  BIGINT      NOT NULL,
    CONSTRAINT event_counter_pk PRIMARY KEY (name)
);
INSERT INTO event_counter (name, last_seq) VALUES ('event', 0);

CREATE TABLE event (
    seq                  BIGINT       NOT NULL,
    event_id             VARCHAR(64)  NOT NULL,
    event_type           VARCHAR(128) NOT NULL,
    project_id           VARCHAR(64),
    subdistrict_code     VARCHAR(32),
    insurer_connector_id VARCHAR(64),
    occurred_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the CloudEvent, exactly as delivered and served by the feed
    cloud_event          TEXT         NOT NULL,
    CONSTRAINT event_pk PRIMARY KEY (seq),
    CONSTRAINT event_id_uq UNIQUE (event_id)
);

CREATE INDEX event_subdistrict_ix ON event (subdistrict_code, seq);
CREATE INDEX event_insurer_ix ON event (insurer_connector_id, seq);

-- One push of one event to one subscription: PENDING until DELIVERED, or DEAD_LETTER after the
-- last attempt. next_attempt_at doubles as the claim: a replica that takes a delivery moves it
-- past its own timeout first, so no two replicas send it at once.
CREATE TABLE event_delivery (
    event_seq        BIGINT        NOT NULL,
    subscription_id  VARCHAR(64)   NOT NULL,
    url              VARCHAR(2048) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       TEXT,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT event_delivery_pk PRIMARY KEY (event_seq, subscription_id),
    CONSTRAINT event_delivery_event_fk FOREIGN KEY (event_seq) REFERENCES event (seq)
);

CREATE INDEX event_delivery_due_ix ON event_delivery (status, next_attempt_at);

-- Capillary gateway: alert reviews, subscription deletion and projection-assigned list positions.
-- Runs unchanged on PostgreSQL 15 and on H2 2.x in MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE (no
-- SERIAL, no JSONB, no partial indexes, no CHECK constraints on strings: see V1 and V3).

-- The hazard list and the alert list page by a position the projection assigns, in the order it
-- applies submissions. The ledger seq is allocated when a submission is appended, and appends
-- commit in any order: a submission committed late has a smaller seq than one already projected,
-- so a position derived from the seq could land behind a cursor a reader has already passed. The
-- projection applies one submission at a time under projection_lock, so a counter kept on that
-- row only grows, in commit order of the projecting transactions. A rebuild starts it again at 0.
ALTER TABLE projection_lock ADD COLUMN last_position BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE prj_hazard ADD COLUMN list_position BIGINT;
UPDATE prj_hazard SET list_position = row_seq;
ALTER TABLE prj_hazard ALTER COLUMN list_position SET NOT NULL;
CREATE UNIQUE INDEX prj_hazard_position_uq ON prj_hazard (list_position);

ALTER TABLE prj_alert ADD COLUMN list_position BIGINT;
UPDATE prj_alert SET list_position = submission_seq * 1000 + item_index;
ALTER TABLE prj_alert ALTER COLUMN list_position SET NOT NULL;
CREATE UNIQUE INDEX prj_alert_position_uq ON prj_alert (list_position);

UPDATE projection_lock SET last_position = (
    SELECT COALESCE(MAX(p), 0) FROM (
        SELECT MAX(list_position) AS p FROM prj_hazard
        UNION ALL SELECT MAX(list_position) AS p FROM prj_alert) positions);

-- A hazard opened from a confirmed alert (reviewAlert, rule R-34) carries the rectification
-- suggestion generated from the alert's type: {category, description, measures[], ruleProfile}.
ALTER TABLE prj_hazard ADD COLUMN rectification_suggestion TEXT;

-- The review of an alert (reviewAlert): which review decided it, and when.
ALTER TABLE prj_alert ADD COLUMN review_id VARCHAR(64);
ALTER TABLE prj_alert ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;

-- Subscriptions as the ledger has them (write-through, like project_coverage): created by
-- createSubscription, marked deleted by deleteSubscription in the same transaction as the
-- submission, so that deleting an unknown or deleted subscription is refused (404) at once
-- rather than after the asynchronous projection.
CREATE TABLE subscription_registry (
    subscription_id  VARCHAR(64) NOT NULL,
    created_seq      BIGINT      NOT NULL,
    deleted_seq      BIGINT,
    CONSTRAINT subscription_registry_pk PRIMARY KEY (subscription_id)
);
INSERT INTO subscription_registry (subscription_id, created_seq, deleted_seq)
    SELECT subscription_id, last_seq, NULL FROM prj_subscription;

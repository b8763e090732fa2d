-- Capillary gateway: the connector directory (connectors and their public signing keys).
-- Runs on PostgreSQL and on H2 in MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE (the embedded default),
-- so it sticks to the SQL both understand: no SERIAL, no JSONB, no partial indexes.
-- Enumerations are checked with CASE, not IN (...) or OR: H2 2.4 compiles a constant IN list (and
-- an OR of equalities, which it rewrites to one) against the session that created the constraint,
-- so once Flyway's connection is closed every insert fails with "Check constraint invalid".
-- Rows are written by ConnectorSeeder (demo connectors, embedded default) and by the admin
-- operations through the ledger (ConnectorAdministration); read by JdbcConnectorDirectory.

CREATE TABLE connector (
    connector_id                VARCHAR(64)  NOT NULL,
    role                        VARCHAR(32)  NOT NULL,
    status                      VARCHAR(16)  NOT NULL,
    suspension_reason           VARCHAR(2000),
    rate_plan                   VARCHAR(32)  NOT NULL,
    organisation_name           VARCHAR(200) NOT NULL,
    organisation_uscc           VARCHAR(18)  NOT NULL,
    organisation_contact_name   VARCHAR(50),
    organisation_contact_mobile VARCHAR(32),
    display_name                VARCHAR(100) NOT NULL,
    -- comma-separated sub-district codes (SUBDISTRICT_OFFICE only); empty otherwise
    subdistrict_codes           TEXT         NOT NULL,
    contact_email               VARCHAR(254) NOT NULL,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT connector_pk PRIMARY KEY (connector_id),
    CONSTRAINT connector_role_ck CHECK (CASE role
        WHEN 'INSURER' THEN 1 WHEN 'DEVICE_VENDOR' THEN 1 WHEN 'OPERATOR' THEN 1
        WHEN 'SUBDISTRICT_OFFICE' THEN 1 ELSE 0 END = 1),
    CONSTRAINT connector_status_ck CHECK (CASE status
        WHEN 'ACTIVE' THEN 1 WHEN 'SUSPENDED' THEN 1 ELSE 0 END = 1)
);

-- kid is the primary key: kids are unique across all connectors and never reused, so the kid of a
-- request signature names exactly one key and thereby one connector (spec/SIGNING.md).
CREATE TABLE connector_key (
    kid               VARCHAR(64) NOT NULL,
    connector_id      VARCHAR(64) NOT NULL,
    alg               VARCHAR(8)  NOT NULL,
    -- the public JWK (RFC 7517) as registered; never a private member
    jwk_json          TEXT        NOT NULL,
    status            VARCHAR(16) NOT NULL,
    not_before        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- null: no end; for a RETIRING key, the end of the rotation overlap
    not_after         TIMESTAMP WITH TIME ZONE,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revocation_reason VARCHAR(32),
    revocation_note   VARCHAR(2000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT connector_key_pk PRIMARY KEY (kid),
    CONSTRAINT connector_key_connector_fk
        FOREIGN KEY (connector_id) REFERENCES connector (connector_id),
    CONSTRAINT connector_key_alg_ck CHECK (CASE alg
        WHEN 'ES256' THEN 1 WHEN 'PS256' THEN 1 WHEN 'EdDSA' THEN 1 ELSE 0 END = 1),
    CONSTRAINT connector_key_status_ck CHECK (CASE status
        WHEN 'ACTIVE' THEN 1 WHEN 'RETIRING' THEN 1 WHEN 'REVOKED' THEN 1 ELSE 0 END = 1),
    CONSTRAINT connector_key_revocation_ck
        CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL)),
    CONSTRAINT connector_key_window_ck CHECK (not_after IS NULL OR not_after >= not_before)
);

CREATE INDEX connector_key_connector_ix ON connector_key (connector_id);

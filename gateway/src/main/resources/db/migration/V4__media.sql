-- Capillary gateway: media uploads (issue 5). One row per declared media item: created by the
-- createUpload submission (UploadCreationEffect, in the ledger transaction), advanced by each
-- accepted tus PATCH (ChunkAppender), expired by UploadJanitor. The media id is the upload id.
-- Runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE: no SERIAL,
-- no JSONB, no partial indexes and no CHECK constraints on strings (H2 2.4's "Check constraint
-- invalid" once the creating session is closed; see V1). The allowed values are kept by the code:
-- status is UPLOADING, COMPLETE or EXPIRED; kind is PHOTO, VIDEO, DOCUMENT, AUDIO or SIGNATURE.
CREATE TABLE media_upload (
    upload_id           VARCHAR(64)  NOT NULL,
    -- the connector that declared it; only it may append, cite or terminate it
    connector_id        VARCHAR(64)  NOT NULL,
    -- the createUpload submission that declared it
    submission_seq      BIGINT       NOT NULL,
    kind                VARCHAR(16)  NOT NULL,
    content_type        VARCHAR(255) NOT NULL,
    -- declared length (Upload-Length) and SHA-256 (64 lower-case hex digits) of the whole file
    upload_length       BIGINT       NOT NULL,
    sha256              VARCHAR(64)  NOT NULL,
    file_name           VARCHAR(255),
    project_id          VARCHAR(64),
    -- as declared (RFC 3339 with its offset), echoed by getMedia
    captured_at         VARCHAR(64),
    status              VARCHAR(16)  NOT NULL,
    -- bytes received and durable in the part file (Upload-Offset)
    upload_offset       BIGINT       NOT NULL,
    -- the last accepted chunk, so that a retry of it (same key, same bytes) is answered 204 again
    last_chunk_offset   BIGINT,
    last_chunk_sha256   VARCHAR(64),
    last_chunk_key      VARCHAR(255),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at        TIMESTAMP WITH TIME ZONE,
    -- 0 <= upload_offset <= upload_length is kept by ChunkAppender (no CHECK, as above)
    CONSTRAINT media_upload_pk PRIMARY KEY (upload_id)
);

-- The janitor's scan: unfinished uploads by expiry.
CREATE INDEX media_upload_expiry_ix ON media_upload (status, expires_at);
CREATE INDEX media_upload_project_ix ON media_upload (project_id);

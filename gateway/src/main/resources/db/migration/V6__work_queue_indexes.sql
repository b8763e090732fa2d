-- Capillary gateway: indexes for the per-submission and per-tick queries (issue 9, benchmarks).
-- Runs unchanged on PostgreSQL 15 and on H2 2.x in MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE (plain
-- B-tree indexes only; no partial indexes, see V1).

-- The projection worker takes the next pending outbox row in ledger order
-- (WHERE processed_at IS NULL ... ORDER BY processed_at, submission_seq, id LIMIT 1, ProjectionWorker).
-- With only (processed_at, id) both databases read and sorted every pending row for each row they
-- projected: the worker slowed down as its backlog grew, and fell further behind under load. This
-- index returns the rows already in that order, so taking the next one costs the same whatever
-- the backlog. It also serves the rebuilder's WHERE processed_at IS NULL, so it replaces the old one.
CREATE INDEX outbox_pending_seq_ix ON outbox (processed_at, submission_seq, id);
DROP INDEX outbox_pending_ix;

-- The devices of a project (FactsReader, on every evaluation of the project's obligations).
CREATE INDEX prj_device_project_ix ON prj_device (project_id, device_id);

-- The projects of a policy (Projector, on each prevention-fee entry).
CREATE INDEX prj_project_policy_ix ON prj_project (policy_id, project_id);

-- prj_obligation.evaluated_at: from this version, the time the obligation's row last changed.
-- ObligationRecorder writes a row only when the evaluation changes it (a re-evaluation that finds
-- nothing new writes nothing), and the obligation clock skips a project whose stored obligations
-- and notices are already what an evaluation now would give.

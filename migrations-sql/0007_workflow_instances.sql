-- Maintenance workflow instances. An instance pins the definition it started from (its text, version and SHA-256), so
-- editing a file in workflows/ never changes a running instance. Each step, per batch, is one row: what makes a run
-- repeatable after a crash (a finished step is not done again; a waiting one resumes its deadline) and what the
-- report shows.
CREATE TABLE workflow_instances (
    id               uuid        PRIMARY KEY,
    name             text        NOT NULL UNIQUE,
    workflow         text        NOT NULL,
    workflow_version integer     NOT NULL,
    content_hash     text        NOT NULL,
    definition       text        NOT NULL,
    arguments        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    cluster          text        NOT NULL,
    state            text        NOT NULL DEFAULT 'pending',
    waiting_for      text,
    requested_by     text,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    outcome_reason   text,
    CONSTRAINT workflow_instances_state_known CHECK (state IN
        ('pending', 'running', 'waiting', 'paused', 'succeeded', 'failed', 'cancelled')),
    CONSTRAINT workflow_instances_finished_when_final CHECK (
        (state IN ('succeeded', 'failed', 'cancelled')) = (finished_at IS NOT NULL)),
    CONSTRAINT workflow_instances_hash_is_sha256 CHECK (content_hash ~ '^[0-9a-f]{64}$')
);

CREATE INDEX workflow_instances_active ON workflow_instances (created_at) WHERE finished_at IS NULL;

-- One row per step run: the step's id, prefixed by its batch for steps inside a forEachBatch ('batches[2]/drain').
CREATE TABLE workflow_steps (
    instance_id      uuid        NOT NULL REFERENCES workflow_instances (id),
    step_key         text        NOT NULL,
    kind             text        NOT NULL,
    state            text        NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    detail           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (instance_id, step_key),
    CONSTRAINT workflow_steps_state_known CHECK (state IN ('running', 'succeeded', 'failed', 'skipped')),
    CONSTRAINT workflow_steps_finished_when_done CHECK ((state = 'running') = (finished_at IS NULL))
);

-- Approvals given to an approval step (once; who and when).
CREATE TABLE workflow_approvals (
    instance_id      uuid        NOT NULL REFERENCES workflow_instances (id),
    step_key         text        NOT NULL,
    approved_by      text        NOT NULL,
    approved_at      timestamptz NOT NULL,
    PRIMARY KEY (instance_id, step_key)
);

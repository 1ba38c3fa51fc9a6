-- The first schema of DrainOrchestrator: drains, their nodes, planned waves, migration attempts,
-- the append-only event journal and leases. Forward-only: later changes go in new numbered files.

CREATE TABLE drains (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL UNIQUE,
    cluster         text        NOT NULL,
    state           text        NOT NULL DEFAULT 'pending',
    policy          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    requested_by    text,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    outcome_reason  text,
    version         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT drains_state_known CHECK (state IN
        ('pending', 'running', 'paused', 'cancelling', 'succeeded', 'failed', 'cancelled')),
    CONSTRAINT drains_finished_when_final CHECK (
        (state IN ('succeeded', 'failed', 'cancelled')) = (finished_at IS NOT NULL)),
    CONSTRAINT drains_name_not_blank CHECK (length(btrim(name)) > 0),
    CONSTRAINT drains_cluster_not_blank CHECK (length(btrim(cluster)) > 0),
    -- Lets drain_nodes carry the cluster through a composite foreign key.
    CONSTRAINT drains_id_cluster_unique UNIQUE (id, cluster)
);

CREATE INDEX drains_active_idx ON drains (state) WHERE finished_at IS NULL;

-- One row per node a drain empties. released_at stays NULL while the drain holds the node.
CREATE TABLE drain_nodes (
    drain_id        uuid        NOT NULL,
    cluster         text        NOT NULL,
    node_name       text        NOT NULL,
    state           text        NOT NULL DEFAULT 'pending',
    was_unschedulable boolean,
    vmis_total      integer,
    vmis_migrated   integer     NOT NULL DEFAULT 0,
    vmis_skipped    integer     NOT NULL DEFAULT 0,
    vmis_failed     integer     NOT NULL DEFAULT 0,
    added_at        timestamptz NOT NULL,
    released_at     timestamptz,
    last_error      text,
    PRIMARY KEY (drain_id, node_name),
    FOREIGN KEY (drain_id, cluster) REFERENCES drains (id, cluster),
    CONSTRAINT drain_nodes_state_known CHECK (state IN
        ('pending', 'locked', 'cordoned', 'draining', 'drained', 'failed', 'released')),
    CONSTRAINT drain_nodes_name_not_blank CHECK (length(btrim(node_name)) > 0),
    CONSTRAINT drain_nodes_counts_not_negative CHECK (
        coalesce(vmis_total, 0) >= 0 AND vmis_migrated >= 0 AND vmis_skipped >= 0 AND vmis_failed >= 0)
);

-- A node belongs to at most one active drain of its cluster.
CREATE UNIQUE INDEX drain_nodes_one_active_drain_per_node
    ON drain_nodes (cluster, node_name)
    WHERE released_at IS NULL;

-- Planned waves: ordered batches never larger than the cluster limit at planning time.
CREATE TABLE waves (
    drain_id        uuid        NOT NULL REFERENCES drains (id),
    wave_number     integer     NOT NULL,
    mode            text        NOT NULL,
    planned_size    integer     NOT NULL,
    cluster_limit   integer     NOT NULL,
    planned_at      timestamptz NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    PRIMARY KEY (drain_id, wave_number),
    CONSTRAINT waves_number_positive CHECK (wave_number >= 1),
    CONSTRAINT waves_mode_known CHECK (mode IN ('rolling', 'barrier')),
    CONSTRAINT waves_size_within_limit CHECK (planned_size >= 1 AND planned_size <= cluster_limit)
);

-- One row per VirtualMachineInstanceMigration the orchestrator creates (or intends to create:
-- the row is written before the API call, so a crash between the two is reconciled by name).
CREATE TABLE migration_attempts (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    drain_id            uuid        NOT NULL REFERENCES drains (id),
    wave_number         integer     NOT NULL,
    attempt             integer     NOT NULL,
    vmi_namespace       text        NOT NULL,
    vmi_name            text        NOT NULL,
    vmi_uid             text        NOT NULL,
    source_node         text        NOT NULL,
    target_node         text,
    vmim_name           text        NOT NULL,
    vmim_uid            text,
    mode                text,
    outcome             text        NOT NULL DEFAULT 'intended',
    failure_class       text,
    failure_reason      text,
    bytes_total         bigint,
    bytes_processed     bigint,
    phase_timestamps    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    intended_at         timestamptz NOT NULL,
    created_at          timestamptz,
    started_at          timestamptz,
    finished_at         timestamptz,
    FOREIGN KEY (drain_id, wave_number) REFERENCES waves (drain_id, wave_number),
    CONSTRAINT migration_attempts_vmim_name_unique UNIQUE (vmim_name),
    CONSTRAINT migration_attempts_one_row_per_attempt UNIQUE (drain_id, vmi_uid, attempt),
    CONSTRAINT migration_attempts_attempt_positive CHECK (attempt >= 1),
    CONSTRAINT migration_attempts_mode_known CHECK (mode IS NULL OR mode IN ('PreCopy', 'PostCopy', 'Paused')),
    CONSTRAINT migration_attempts_outcome_known CHECK (outcome IN
        ('intended', 'created', 'running', 'succeeded', 'failed', 'aborted', 'not_created')),
    CONSTRAINT migration_attempts_target_differs CHECK (target_node IS NULL OR target_node <> source_node),
    CONSTRAINT migration_attempts_bytes_not_negative CHECK (
        coalesce(bytes_total, 0) >= 0 AND coalesce(bytes_processed, 0) >= 0),
    -- A DNS-1123 subdomain, as Kubernetes requires of object names.
    CONSTRAINT migration_attempts_vmim_name_valid CHECK (
        length(vmim_name) <= 253 AND vmim_name ~ '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$')
);

CREATE INDEX migration_attempts_by_drain ON migration_attempts (drain_id, wave_number, id);
CREATE INDEX migration_attempts_by_vmi ON migration_attempts (vmi_uid, attempt);

-- The append-only journal: every decision, intent and outcome, in order.
CREATE TABLE event_journal (
    seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    drain_id        uuid        REFERENCES drains (id),
    occurred_at     timestamptz NOT NULL,
    kind            text        NOT NULL,
    actor           text        NOT NULL,
    lease_epoch     bigint,
    payload         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT event_journal_kind_not_blank CHECK (length(btrim(kind)) > 0)
);

CREATE INDEX event_journal_by_drain ON event_journal (drain_id, seq);

CREATE FUNCTION event_journal_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'event_journal is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'Record a new event that corrects the earlier one instead of changing it.';
END;
$$;

CREATE TRIGGER event_journal_no_update_or_delete
    BEFORE UPDATE OR DELETE ON event_journal
    FOR EACH ROW EXECUTE FUNCTION event_journal_reject_change();

CREATE TRIGGER event_journal_no_truncate
    BEFORE TRUNCATE ON event_journal
    FOR EACH STATEMENT EXECUTE FUNCTION event_journal_reject_change();

-- Ownership leases with fencing: epoch grows on every change of holder, and every write that
-- matters is conditional on (name, holder, epoch) still matching.
CREATE TABLE leases (
    name            text        PRIMARY KEY,
    holder          text        NOT NULL,
    epoch           bigint      NOT NULL DEFAULT 1,
    acquired_at     timestamptz NOT NULL,
    renewed_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    CONSTRAINT leases_epoch_positive CHECK (epoch >= 1),
    CONSTRAINT leases_times_ordered CHECK (renewed_at >= acquired_at AND expires_at >= acquired_at),
    CONSTRAINT leases_holder_not_blank CHECK (length(btrim(holder)) > 0)
);

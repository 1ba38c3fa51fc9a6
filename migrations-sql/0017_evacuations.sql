-- Decentralized evacuations (issue 15.2): VMs moved from a namespace of one cluster to a namespace of the same or
-- another cluster by KubeVirt's decentralized live migration. An evacuation is owned through the leases table (lease
-- name 'evacuation/<id>') as a drain is; every write that matters is conditional on that lease (epoch fencing).
-- Clusters are named by their API server's address, as drains.cluster is.
CREATE TABLE evacuations (
    id                  uuid        PRIMARY KEY,
    source_cluster      text        NOT NULL,
    source_namespace    text        NOT NULL,
    target_cluster      text        NOT NULL,
    target_namespace    text        NOT NULL,
    storage_class       text,
    max_attempts        integer     NOT NULL,
    keep_receivers      boolean     NOT NULL,
    state               text        NOT NULL,
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    finished_at         timestamptz,
    error               text,
    CONSTRAINT evacuations_moves_somewhere CHECK (source_cluster <> target_cluster OR source_namespace <> target_namespace),
    CONSTRAINT evacuations_attempts_positive CHECK (max_attempts >= 1),
    CONSTRAINT evacuations_state_known CHECK (state IN ('running', 'succeeded', 'failed')),
    CONSTRAINT evacuations_finished_when_final CHECK ((state = 'running') = (finished_at IS NULL))
);

-- One unfinished evacuation per source namespace: two would move the same VMs twice.
CREATE UNIQUE INDEX evacuations_one_running_per_source ON evacuations (source_cluster, source_namespace) WHERE state = 'running';

-- The VMs of an evacuation, in planned order (wave, position). attempt counts the migrationIDs tried (0: not started).
CREATE TABLE evacuation_vms (
    evacuation_id       uuid        NOT NULL REFERENCES evacuations (id),
    vm_name             text        NOT NULL,
    vm_uid              text        NOT NULL,
    wave                integer     NOT NULL,
    position            integer     NOT NULL,
    memory_bytes        bigint      NOT NULL,
    disk_bytes          bigint      NOT NULL,
    state               text        NOT NULL,
    attempt             integer     NOT NULL DEFAULT 0,
    source_node         text,
    target_node         text,
    failure             text,
    started_at          timestamptz,
    finished_at         timestamptz,
    PRIMARY KEY (evacuation_id, vm_name),
    CONSTRAINT evacuation_vms_state_known CHECK (state IN ('planned', 'moving', 'succeeded', 'failed')),
    CONSTRAINT evacuation_vms_attempt_not_negative CHECK (attempt >= 0),
    CONSTRAINT evacuation_vms_sizes_not_negative CHECK (memory_bytes >= 0 AND disk_bytes >= 0)
);

CREATE UNIQUE INDEX evacuation_vms_one_position ON evacuation_vms (evacuation_id, wave, position);

-- The evacuation's journal, append-only: each create is journaled as intended before the API call, and its outcome
-- after. The unique index makes "one intent per object name and attempt" an invariant, so a bug cannot intend (and create) one
-- object twice.
CREATE TABLE evacuation_journal (
    seq                 bigserial   PRIMARY KEY,
    evacuation_id       uuid        NOT NULL REFERENCES evacuations (id),
    vm_name             text,
    attempt             integer,
    kind                text        NOT NULL,
    side                text,
    object_name         text,
    lease_epoch         bigint      NOT NULL,
    occurred_at         timestamptz NOT NULL,
    detail              text,
    CONSTRAINT evacuation_journal_side_known CHECK (side IS NULL OR side IN ('source', 'target'))
);

CREATE INDEX evacuation_journal_by_evacuation ON evacuation_journal (evacuation_id, seq);
CREATE UNIQUE INDEX evacuation_journal_one_intent ON evacuation_journal (evacuation_id, side, object_name, attempt)
    WHERE kind LIKE '%.intended';

CREATE FUNCTION evacuation_journal_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'evacuation_journal is append-only';
END;
$$;

CREATE TRIGGER evacuation_journal_append_only
    BEFORE UPDATE OR DELETE ON evacuation_journal
    FOR EACH ROW EXECUTE FUNCTION evacuation_journal_reject_change();

CREATE TRIGGER evacuation_journal_no_truncate
    BEFORE TRUNCATE ON evacuation_journal
    FOR EACH STATEMENT EXECUTE FUNCTION evacuation_journal_reject_change();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'drain_app') THEN
        GRANT SELECT, INSERT, UPDATE ON evacuations, evacuation_vms TO drain_app;
        GRANT SELECT, INSERT ON evacuation_journal TO drain_app;
        GRANT USAGE, SELECT ON SEQUENCE evacuation_journal_seq_seq TO drain_app;
    END IF;
END;
$$;

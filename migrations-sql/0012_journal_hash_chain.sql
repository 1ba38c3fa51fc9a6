-- The tamper-evident ledger: every journal record carries a SHA-256 link over the previous record of its chain and a
-- canonical encoding of itself; each chain has a head; heads are anchored when a wave, a drain or a workflow instance
-- finishes, so an auditor can keep the anchors outside the database (drainctl audit anchors) and check them later
-- (drainctl audit verify --anchors FILE).
--
-- A chain is the records of one drain (drain_id set), of one workflow instance (workflow_instance_id set, no drain_id),
-- or of nothing (neither set: scope 'none', id the nil uuid).
--
-- Where the link is computed, and why here: in a BEFORE INSERT trigger, in the same statement as the append.
--  * No round trip: the engine appends on its hot path (about a hundred statements per migration); computing in C#
--    would first have to read the head (a second statement per append), because several writers append to one drain
--    (the engine under its lease, drainctl signals, the server), so no process can cache the head.
--  * No fork: the head row is updated under its row lock inside the appending transaction, and every append takes the
--    journal's append lock (the same advisory lock JournalStore takes, re-entrant), so two appends never link to the
--    same predecessor. A crash at any instant rolls back the record and its head update together: the chain never
--    holds a record without its link, nor a head ahead of its records.
--  * Every insert path is chained, including rows inserted by hand.
-- The verifier (drainctl audit verify) does NOT trust this function: it recomputes every link in C# from the stored
-- columns (DrainOrchestrator.Persistence/Audit/JournalRecordEncoding.cs), so replacing this trigger changes nothing it checks.
--
-- The canonical encoding of a record (version 1), hashed as SHA-256(previous link || UTF-8 of the text below), where
-- the previous link of a chain's first record is 32 zero bytes, <n> is the UTF-8 byte length of the value after the
-- colon, and every line ends with a line feed:
--   drain-journal-record/v1
--   seq=<seq, decimal>
--   scope=<drain|workflow|none>:<id, lower-case uuid>
--   position=<place in its chain, 1-based, decimal>
--   kind=<n>:<kind>
--   actor=<n>:<actor>
--   lease_epoch=<decimal, or - when null>
--   recorded_at=<occurred_at in UTC, yyyy-MM-ddTHH:mm:ss.ffffffZ>
--   payload=<n>:<payload as canonical JSON: PostgreSQL's jsonb text form (keys unique and ordered by length, then
--            bytes; ", " and ": " separators; numbers as stored)>

ALTER TABLE event_journal
    ADD COLUMN chain_position bigint,
    ADD COLUMN chain_hash     bytea;

-- The last record of every chain. Written only by the journal's trigger (the application role may read it).
CREATE TABLE journal_heads (
    scope           text        NOT NULL,
    scope_id        uuid        NOT NULL,
    last_seq        bigint      NOT NULL,
    last_position   bigint      NOT NULL,
    last_hash       bytea       NOT NULL,
    PRIMARY KEY (scope, scope_id),
    CONSTRAINT journal_heads_scope_known CHECK (scope IN ('drain', 'workflow', 'none')),
    CONSTRAINT journal_heads_position_positive CHECK (last_position >= 1),
    CONSTRAINT journal_heads_hash_is_sha256 CHECK (octet_length(last_hash) = 32)
);

-- Heads copied when a wave, a drain or a workflow instance finishes: checkpoints to export and keep elsewhere.
CREATE TABLE journal_anchors (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope           text        NOT NULL,
    scope_id        uuid        NOT NULL,
    seq             bigint      NOT NULL,
    position        bigint      NOT NULL,
    hash            bytea       NOT NULL,
    reason          text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    CONSTRAINT journal_anchors_scope_known CHECK (scope IN ('drain', 'workflow', 'none')),
    CONSTRAINT journal_anchors_one_per_position UNIQUE (scope, scope_id, position)
);

CREATE FUNCTION event_journal_link(previous bytea, seq bigint, scope text, scope_id uuid, chain_position bigint,
    kind text, actor text, lease_epoch bigint, occurred_at timestamptz, payload jsonb) RETURNS bytea
LANGUAGE sql STABLE AS $$
    SELECT sha256(previous || convert_to(
        'drain-journal-record/v1' || E'\n'
        || 'seq=' || seq || E'\n'
        || 'scope=' || scope || ':' || scope_id::text || E'\n'
        || 'position=' || chain_position || E'\n'
        || 'kind=' || octet_length(convert_to(kind, 'UTF8')) || ':' || kind || E'\n'
        || 'actor=' || octet_length(convert_to(actor, 'UTF8')) || ':' || actor || E'\n'
        || 'lease_epoch=' || coalesce(lease_epoch::text, '-') || E'\n'
        || 'recorded_at=' || to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\n'
        || 'payload=' || octet_length(convert_to(payload::text, 'UTF8')) || ':' || payload::text || E'\n',
        'UTF8'))
$$;

-- Links NEW to the head of its chain and moves the head. SECURITY DEFINER: the application role cannot write heads.
CREATE FUNCTION event_journal_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    chain_scope text := CASE WHEN NEW.drain_id IS NOT NULL THEN 'drain'
                             WHEN NEW.workflow_instance_id IS NOT NULL THEN 'workflow' ELSE 'none' END;
    chain_id uuid := coalesce(NEW.drain_id, NEW.workflow_instance_id, '00000000-0000-0000-0000-000000000000');
    previous bytea;
    previous_position bigint;
BEGIN
    -- JournalStore's append lock (re-entrant: its appends hold it already); serialises inserts made any other way.
    PERFORM pg_advisory_xact_lock(20916376148263244);
    SELECT last_hash, last_position INTO previous, previous_position
      FROM journal_heads WHERE scope = chain_scope AND scope_id = chain_id FOR UPDATE;
    NEW.chain_position := coalesce(previous_position, 0) + 1;
    NEW.chain_hash := event_journal_link(coalesce(previous, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea),
        NEW.seq, chain_scope, chain_id, NEW.chain_position, NEW.kind, NEW.actor, NEW.lease_epoch, NEW.occurred_at, NEW.payload);
    IF previous IS NULL THEN
        INSERT INTO journal_heads (scope, scope_id, last_seq, last_position, last_hash)
        VALUES (chain_scope, chain_id, NEW.seq, NEW.chain_position, NEW.chain_hash);
    ELSE
        UPDATE journal_heads SET last_seq = NEW.seq, last_position = NEW.chain_position, last_hash = NEW.chain_hash
         WHERE scope = chain_scope AND scope_id = chain_id;
    END IF;
    RETURN NEW;
END;
$$;

-- Existing records are chained here, in journal order, as the trigger would have chained them.
ALTER TABLE event_journal DISABLE TRIGGER event_journal_no_update_or_delete;
DO $$
DECLARE
    r record;
    chain_scope text;
    chain_id uuid;
    previous bytea;
    previous_position bigint;
    link bytea;
BEGIN
    FOR r IN SELECT * FROM event_journal ORDER BY seq LOOP
        chain_scope := CASE WHEN r.drain_id IS NOT NULL THEN 'drain'
                            WHEN r.workflow_instance_id IS NOT NULL THEN 'workflow' ELSE 'none' END;
        chain_id := coalesce(r.drain_id, r.workflow_instance_id, '00000000-0000-0000-0000-000000000000');
        previous := NULL;
        previous_position := NULL;
        SELECT last_hash, last_position INTO previous, previous_position
          FROM journal_heads WHERE scope = chain_scope AND scope_id = chain_id;
        previous_position := coalesce(previous_position, 0) + 1;
        link := event_journal_link(coalesce(previous, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea),
            r.seq, chain_scope, chain_id, previous_position, r.kind, r.actor, r.lease_epoch, r.occurred_at, r.payload);
        INSERT INTO journal_heads (scope, scope_id, last_seq, last_position, last_hash)
        VALUES (chain_scope, chain_id, r.seq, previous_position, link)
        ON CONFLICT (scope, scope_id) DO UPDATE
           SET last_seq = EXCLUDED.last_seq, last_position = EXCLUDED.last_position, last_hash = EXCLUDED.last_hash;
        UPDATE event_journal SET chain_position = previous_position, chain_hash = link WHERE seq = r.seq;
    END LOOP;
END;
$$;
ALTER TABLE event_journal ENABLE TRIGGER event_journal_no_update_or_delete;

ALTER TABLE event_journal
    ALTER COLUMN chain_position SET NOT NULL,
    ALTER COLUMN chain_hash SET NOT NULL,
    ADD CONSTRAINT event_journal_chain_position_positive CHECK (chain_position >= 1),
    ADD CONSTRAINT event_journal_chain_hash_is_sha256 CHECK (octet_length(chain_hash) = 32);

CREATE TRIGGER event_journal_chain
    BEFORE INSERT ON event_journal
    FOR EACH ROW EXECUTE FUNCTION event_journal_chain();

-- Copies the head of a chain into journal_anchors (nothing when the chain has no record yet).
CREATE FUNCTION journal_anchor(anchor_scope text, anchor_id uuid, anchor_reason text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    INSERT INTO journal_anchors (scope, scope_id, seq, position, hash, reason, recorded_at)
    SELECT h.scope, h.scope_id, h.last_seq, h.last_position, h.last_hash, anchor_reason, j.occurred_at
      FROM journal_heads h JOIN event_journal j ON j.seq = h.last_seq
     WHERE h.scope = anchor_scope AND h.scope_id = anchor_id
    ON CONFLICT (scope, scope_id, position) DO NOTHING
$$;

CREATE FUNCTION journal_anchor_on_finish() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_TABLE_NAME = 'waves' THEN
        PERFORM journal_anchor('drain', NEW.drain_id, 'wave ' || NEW.wave_number || ' finished');
    ELSIF TG_TABLE_NAME = 'drains' THEN
        PERFORM journal_anchor('drain', NEW.id, 'drain ' || NEW.state);
    ELSE
        PERFORM journal_anchor('workflow', NEW.id, 'workflow ' || NEW.state);
    END IF;
    RETURN NULL;
END;
$$;

-- Deferred to commit, so the anchor takes the head after the events the finishing transaction appends.
CREATE CONSTRAINT TRIGGER waves_anchor_on_finish
    AFTER UPDATE OF finished_at ON waves DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.finished_at IS NULL AND NEW.finished_at IS NOT NULL)
    EXECUTE FUNCTION journal_anchor_on_finish();

CREATE CONSTRAINT TRIGGER drains_anchor_on_finish
    AFTER UPDATE OF finished_at ON drains DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.finished_at IS NULL AND NEW.finished_at IS NOT NULL)
    EXECUTE FUNCTION journal_anchor_on_finish();

CREATE CONSTRAINT TRIGGER workflow_instances_anchor_on_finish
    AFTER UPDATE OF finished_at ON workflow_instances DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.finished_at IS NULL AND NEW.finished_at IS NOT NULL)
    EXECUTE FUNCTION journal_anchor_on_finish();

-- Anchors are evidence too: kept like the journal.
CREATE FUNCTION journal_anchors_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'journal_anchors is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER journal_anchors_no_update_or_delete
    BEFORE UPDATE OR DELETE ON journal_anchors
    FOR EACH ROW EXECUTE FUNCTION journal_anchors_reject_change();

CREATE TRIGGER journal_anchors_no_truncate
    BEFORE TRUNCATE ON journal_anchors
    FOR EACH STATEMENT EXECUTE FUNCTION journal_anchors_reject_change();

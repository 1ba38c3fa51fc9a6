-- The engine records whether an attempt ran under the orchestrator's post-copy MigrationPolicy, so the scheduler's
-- failure policy (post-copy at most once per VMI, never for a forbidden VMI) can be replayed from the database alone.
ALTER TABLE migration_attempts ADD COLUMN post_copy boolean NOT NULL DEFAULT false;

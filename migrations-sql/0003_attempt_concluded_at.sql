-- finished_at is the cluster's own timestamp of a migration's end (what a report shows). The engine also needs the
-- instant it learned the outcome on its own clock: a retry's backoff is waited out on that clock, and the cluster's
-- clock may run ahead of or behind the engine's (skew, or a simulator running faster than real time). Measuring the
-- backoff from the cluster's timestamp would stretch it without bound or skip it.
ALTER TABLE migration_attempts ADD COLUMN concluded_at timestamptz;

UPDATE migration_attempts
   SET concluded_at = COALESCE(finished_at, intended_at)
 WHERE outcome IN ('succeeded', 'failed', 'aborted', 'not_created');

ALTER TABLE migration_attempts ADD CONSTRAINT migration_attempts_concluded_when_final CHECK (
    (outcome IN ('succeeded', 'failed', 'aborted', 'not_created')) = (concluded_at IS NOT NULL));

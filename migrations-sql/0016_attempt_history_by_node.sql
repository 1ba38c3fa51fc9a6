-- A plan learns from earlier migrations (docs/learned-inputs.md): the attempts of the VMIs it moves (by vmi_uid, indexed
-- since 0001) and the transfers out of the nodes it drains. This index serves the second without reading the table:
-- only finished live migrations with both timestamps count as transfers.
CREATE INDEX migration_attempts_finished_by_source ON migration_attempts (source_node, finished_at DESC)
    WHERE kind = 'migration' AND outcome = 'succeeded' AND started_at IS NOT NULL AND finished_at IS NOT NULL;

-- Cancelling an evacuation: an operator's cancel is recorded as the state 'cancelling' (journaled with the caller),
-- seen by whichever process owns the evacuation's lease on its next pass, and survives restarts because it is a row
-- state, not a message. The owner leaves VMs not started alone, aborts moves not yet handed off, lets moves past the
-- hand-off finish, and ends the evacuation 'cancelled'. A VM it did not move ends 'cancelled' (it keeps running in the
-- source).
ALTER TABLE evacuations DROP CONSTRAINT evacuations_state_known;
ALTER TABLE evacuations ADD CONSTRAINT evacuations_state_known
    CHECK (state IN ('running', 'cancelling', 'succeeded', 'failed', 'cancelled'));

ALTER TABLE evacuations DROP CONSTRAINT evacuations_finished_when_final;
ALTER TABLE evacuations ADD CONSTRAINT evacuations_finished_when_final
    CHECK ((state IN ('running', 'cancelling')) = (finished_at IS NULL));

-- A cancelling evacuation is still unfinished: a new start of the same source namespace must not run beside it.
DROP INDEX evacuations_one_running_per_source;
CREATE UNIQUE INDEX evacuations_one_unfinished_per_source ON evacuations (source_cluster, source_namespace)
    WHERE state IN ('running', 'cancelling');

ALTER TABLE evacuation_vms DROP CONSTRAINT evacuation_vms_state_known;
ALTER TABLE evacuation_vms ADD CONSTRAINT evacuation_vms_state_known
    CHECK (state IN ('planned', 'moving', 'succeeded', 'failed', 'cancelled'));

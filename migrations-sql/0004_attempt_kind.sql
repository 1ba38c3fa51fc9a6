-- An attempt is either a live migration through a VMIM or, under the opt-in shutdown policy, a restart elsewhere: the
-- engine deletes the VMI and KubeVirt's VM controller starts a new one (runStrategy Always) on a node that is not
-- cordoned. A restart has no VMIM (vmim_name is the attempt's deterministic identity, vmim_uid stays NULL), no mode,
-- no post-copy, a target only once the new VMI runs, and no wave: restarts are not part of a migration wave.
ALTER TABLE migration_attempts ADD COLUMN kind text NOT NULL DEFAULT 'migration';

ALTER TABLE migration_attempts ADD CONSTRAINT migration_attempts_kind_known CHECK (kind IN ('migration', 'restart'));

ALTER TABLE migration_attempts ALTER COLUMN wave_number DROP NOT NULL;

ALTER TABLE migration_attempts ADD CONSTRAINT migration_attempts_wave_unless_restart CHECK (
    (kind = 'migration') = (wave_number IS NOT NULL));

ALTER TABLE migration_attempts ADD CONSTRAINT migration_attempts_restart_shape CHECK (
    kind = 'migration' OR (NOT post_copy AND vmim_uid IS NULL AND mode IS NULL));

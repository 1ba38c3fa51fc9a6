-- The network each migration used (issue 15, the dedicated migration network): the target virt-handler's migration
-- address as KubeVirt reported it (status.migrationState.targetNodeAddress), the dedicated migration network configured
-- when the migration ended (the KubeVirt CR's spec.configuration.migrations.network, as namespace/name; NULL when none
-- was), and whether the address lies in that network's IPAM subnet (NULL when no network was configured or no address
-- was reported). Additive: rows written before stay NULL, and drain_app's table grants (0013) cover the new columns.
ALTER TABLE migration_attempts ADD COLUMN target_address text;

ALTER TABLE migration_attempts ADD COLUMN migration_network text;

ALTER TABLE migration_attempts ADD COLUMN on_migration_network boolean;

ALTER TABLE migration_attempts ADD CONSTRAINT migration_attempts_network_judged_only_when_configured CHECK (
    on_migration_network IS NULL OR migration_network IS NOT NULL);

-- A move-back is a drain-like run that returns the VMs another drain moved to the nodes they came from: returns_drain
-- names that drain. NULL for a drain. The origin of each VM is what the returned drain recorded of its successful
-- attempts (source_node, target_node), so nothing else needs storing. A drain is never its own move-back.
ALTER TABLE drains ADD COLUMN returns_drain uuid REFERENCES drains (id);

ALTER TABLE drains ADD CONSTRAINT drains_returns_other CHECK (returns_drain IS NULL OR returns_drain <> id);

CREATE INDEX drains_by_returns_drain ON drains (returns_drain) WHERE returns_drain IS NOT NULL;

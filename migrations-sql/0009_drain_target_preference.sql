-- A drain's target preference, kept with it so a restarted engine keeps it: nodes due for a later drain (a rolling
-- upgrade's later batches; targets only when no other node has room) and preferred targets (nodes upgraded in earlier
-- batches; filled first). Empty for a plain drain.
ALTER TABLE drains ADD COLUMN avoid_targets text[] NOT NULL DEFAULT '{}';
ALTER TABLE drains ADD COLUMN prefer_targets text[] NOT NULL DEFAULT '{}';

ALTER TABLE drains ADD CONSTRAINT drains_target_preference_sane
    CHECK (array_position(avoid_targets, NULL) IS NULL AND array_position(prefer_targets, NULL) IS NULL);

-- A create retried with the same idempotency key (the API's Idempotency-Key header) returns the first drain: the key
-- is unique across all drains, finished or not, so a retry never starts a second one.
ALTER TABLE drains ADD COLUMN idempotency_key text;

ALTER TABLE drains ADD CONSTRAINT drains_idempotency_key_sane
    CHECK (idempotency_key IS NULL OR (length(idempotency_key) BETWEEN 1 AND 200));

CREATE UNIQUE INDEX drains_idempotency_key_unique ON drains (idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Newest-first pages of drains (the API's list) seek on this instead of sorting every drain.
CREATE INDEX drains_by_created ON drains (created_at DESC, id DESC);

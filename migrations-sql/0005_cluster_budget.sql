-- One cluster, one budget: every drain of a cluster reserves its migration slots under one transaction-scoped advisory
-- lock per cluster (see Persistence/Budget/ClusterBudgetStore.cs), counting the unfinished migration attempts of every
-- drain of the cluster. This index keeps that count to the attempts in flight instead of the whole history.
CREATE INDEX migration_attempts_in_flight ON migration_attempts (drain_id, source_node)
    WHERE kind = 'migration' AND outcome IN ('intended', 'created', 'running');

-- What each drain wants of its cluster's budget, for max-min fair sharing: the migrations it would start now beyond the
-- slots it holds (held slots are counted live from migration_attempts, never stored). The engine refreshes its row
-- while it migrates; a row older than twice the lease duration, or of a finished drain, is ignored. foreign_in_flight
-- and cluster_limit are what the drain last saw (its informer's foreign VMIMs, the limit it reserves against), kept
-- for status. last_granted_at is when the budget last granted the drain a slot: among drains holding as many slots,
-- the one that waited longest gets a slot a whole level of the sharing cannot cover, so none waits forever.
CREATE TABLE cluster_budget_demands (
    drain_id            uuid        PRIMARY KEY,
    cluster             text        NOT NULL,
    wanted              integer     NOT NULL,
    foreign_in_flight   integer     NOT NULL,
    cluster_limit       integer     NOT NULL,
    refreshed_at        timestamptz NOT NULL,
    last_granted_at     timestamptz,
    FOREIGN KEY (drain_id, cluster) REFERENCES drains (id, cluster),
    CONSTRAINT cluster_budget_demands_wanted_not_negative CHECK (wanted >= 0),
    CONSTRAINT cluster_budget_demands_foreign_not_negative CHECK (foreign_in_flight >= 0),
    CONSTRAINT cluster_budget_demands_limit_positive CHECK (cluster_limit >= 1)
);

CREATE INDEX cluster_budget_demands_by_cluster ON cluster_budget_demands (cluster);

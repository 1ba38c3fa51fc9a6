-- The workflow journal: events of a maintenance workflow instance (its state changes, every step run per batch,
-- approvals, gates, hooks, notifications and the drains it started) in the same append-only event_journal as the drains'
-- events, marked with the instance. A drain a workflow started stays marked by drain_id; the workflow's
-- workflow.drain.started event names it, which ties the two together.
ALTER TABLE event_journal ADD COLUMN workflow_instance_id uuid REFERENCES workflow_instances (id);

CREATE INDEX event_journal_by_workflow ON event_journal (workflow_instance_id, seq) WHERE workflow_instance_id IS NOT NULL;

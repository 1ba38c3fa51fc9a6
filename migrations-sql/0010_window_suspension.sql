-- Maintenance windows: a drain whose window ended with work left is suspended (it keeps its nodes and resumes in the
-- next window), and so is the workflow instance that runs it, until the next occurrence of its schedule fires.
ALTER TABLE drains DROP CONSTRAINT drains_state_known;
ALTER TABLE drains ADD CONSTRAINT drains_state_known CHECK (state IN
    ('pending', 'running', 'paused', 'suspended', 'cancelling', 'succeeded', 'failed', 'cancelled'));

ALTER TABLE workflow_instances DROP CONSTRAINT workflow_instances_state_known;
ALTER TABLE workflow_instances ADD CONSTRAINT workflow_instances_state_known CHECK (state IN
    ('pending', 'running', 'waiting', 'paused', 'suspended', 'succeeded', 'failed', 'cancelled'));

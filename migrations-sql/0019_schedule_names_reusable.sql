-- A retired (deleted) schedule keeps its row and its firings, and its name is free again: deleting and creating a
-- schedule of the same name is how one is edited. Only live schedules' names are unique. Deleting a schedule is refused
-- while an instance of it is unfinished, so a new schedule of that name never meets the old one's instances (both are
-- requested by 'schedule/NAME').
ALTER TABLE schedules DROP CONSTRAINT schedules_name_key;
CREATE UNIQUE INDEX schedules_live_name ON schedules (name) WHERE deleted_at IS NULL;

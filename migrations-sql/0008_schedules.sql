-- Stored schedules: a workflow definition (pinned text and hash, with its arguments) run at each occurrence of a cron
-- expression in an IANA time zone, for a window of a duration. Each occurrence is recorded once in schedule_firings,
-- fired or skipped with the reason: its primary key is what makes every replica's ticker fire an occurrence exactly once.
CREATE TABLE schedules (
    id                    uuid        PRIMARY KEY,
    name                  text        NOT NULL UNIQUE,
    cluster               text        NOT NULL,
    workflow              text        NOT NULL,
    workflow_version      integer     NOT NULL,
    definition            text        NOT NULL,
    content_hash          text        NOT NULL,
    arguments             jsonb       NOT NULL DEFAULT '{}'::jsonb,
    cron                  text        NOT NULL,
    time_zone             text        NOT NULL,
    duration_seconds      double precision NOT NULL,
    exclusions            jsonb       NOT NULL DEFAULT '[]'::jsonb,
    misfire_action        text        NOT NULL DEFAULT 'fireLate',
    misfire_grace_seconds double precision NOT NULL DEFAULT 600,
    created_by            text,
    created_at            timestamptz NOT NULL,
    deleted_at            timestamptz,
    CONSTRAINT schedules_duration_positive CHECK (duration_seconds > 0),
    CONSTRAINT schedules_misfire_known CHECK (misfire_action IN ('fireLate', 'skip')),
    CONSTRAINT schedules_grace_not_negative CHECK (misfire_grace_seconds >= 0)
);

CREATE TABLE schedule_firings (
    schedule_id           uuid        NOT NULL REFERENCES schedules (id),
    due_at                timestamptz NOT NULL,
    outcome               text        NOT NULL,
    reason                text,
    instance_id           uuid        REFERENCES workflow_instances (id) DEFERRABLE INITIALLY DEFERRED,
    recorded_at           timestamptz NOT NULL,
    recorded_by           text        NOT NULL,
    PRIMARY KEY (schedule_id, due_at),
    CONSTRAINT schedule_firings_outcome_known CHECK (outcome IN ('fired', 'skipped')),
    CONSTRAINT schedule_firings_fired_has_instance CHECK ((outcome = 'fired') = (instance_id IS NOT NULL))
);

-- Two database roles (README "Database roles"):
--  * the schema owner: whoever runs the migrations (drainctl db migrate; the embedded server's drain_owner). It owns
--    every table, and the journal's triggers and the SECURITY DEFINER functions that write heads and anchors.
--  * drain_app, the application role: not a superuser, owns nothing of ours. It reads and writes the working tables,
--    but may only INSERT and SELECT the journal and only SELECT its heads and anchors (written by the owner's trigger
--    functions), so it cannot UPDATE, DELETE or TRUNCATE the record even with the append-only triggers disabled...
--    which it cannot do either, not owning the table. The runtime connects as drain_app or as a login role that is a
--    member of it (GRANT drain_app TO ...).
-- Hangfire keeps its own schema; the application role owns it (created empty here), so Hangfire.PostgreSql installs
-- and upgrades its tables as that role.
-- A later migration that adds a table grants drain_app what it needs in that file.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'drain_app') THEN
        CREATE ROLE drain_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
EXCEPTION
    -- Roles belong to the whole server: a migration of another database created it a moment ago.
    WHEN duplicate_object OR unique_violation THEN NULL;
    WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'the application role drain_app does not exist, and % may not create roles', current_user
            USING HINT = 'Have a database administrator run CREATE ROLE drain_app NOLOGIN (or LOGIN PASSWORD ''...''), then run drainctl db migrate again.';
END;
$$;

DO $$
DECLARE
    schema_name text := current_schema();
    t text;
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO drain_app', schema_name);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO drain_app', schema_name);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO drain_app', schema_name);
    -- The record: append and read only.
    REVOKE ALL ON event_journal, journal_heads, journal_anchors, schema_migrations FROM drain_app;
    GRANT SELECT, INSERT ON event_journal TO drain_app;
    GRANT SELECT ON journal_heads, journal_anchors, schema_migrations TO drain_app;

    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'hangfire') THEN
        CREATE SCHEMA hangfire AUTHORIZATION drain_app;
    ELSE
        -- Installed by an earlier version as another role: hand it and its objects to the application role.
        ALTER SCHEMA hangfire OWNER TO drain_app;
        FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'hangfire' AND c.relkind IN ('r', 'p', 'v') LOOP
            EXECUTE format('ALTER TABLE hangfire.%I OWNER TO drain_app', t);
        END LOOP;
    END IF;
EXCEPTION
    WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'granting drain_app its privileges failed: %', SQLERRM
            USING HINT = 'Run drainctl db migrate as the schema owner (the role that owns the tables), a member of drain_app or a superuser.';
END;
$$;

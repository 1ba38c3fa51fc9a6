using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace DrainOrchestrator.Persistence.Embedded;

public sealed partial class EmbeddedPostgres
{
    /// <summary>The schema owner: runs the migrations and owns the tables (README "Database roles").</summary>
    public const string OwnerRole = "drain_owner";

    /// <summary>The application role: not a superuser; may INSERT and SELECT the journal but not change it.</summary>
    public const string ApplicationRole = "drain_app";

    /// <summary>The application's database as the schema owner, for migrations.</summary>
    public string OwnerConnectionString => ConnectionStringAs(OwnerRole, RolePassword(OwnerRole));

    /// <summary>The application's database as the application role, for everything but migrations.</summary>
    public string ApplicationConnectionString => ConnectionStringAs(ApplicationRole, RolePassword(ApplicationRole));

    private string ConnectionStringAs(string role, string password) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = role,
        Password = password,
        Database = _options.Database,
    }.ConnectionString;

    // Each role's password is derived from the superuser's secret (HMAC-SHA256 over the role's name): nothing more to
    // store, and knowing a role's password reveals neither the secret nor the other role's.
    private string RolePassword(string role) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_password), Encoding.UTF8.GetBytes(role)));

    /// <summary>
    /// As the superuser: creates the two login roles, makes the owner own the database and
    /// a member of the application role (so it can create the Hangfire schema owned by it), and hands the owner the
    /// objects an earlier version created as the superuser, so that its migrations can alter them.
    /// </summary>
    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        // Unpooled: a pooled connection from before a restart of this server (same process, same port) is dead.
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ConnectionStringFor(_options.Database)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The passwords travel as parameters, never in a statement's text (which logs and pg_stat_statements keep).
        await using (var passwords = new NpgsqlCommand(
            "SELECT set_config('drain.owner_password', $1, true), set_config('drain.app_password', $2, true)", connection, transaction))
        {
            passwords.Parameters.AddWithValue(RolePassword(OwnerRole));
            passwords.Parameters.AddWithValue(RolePassword(ApplicationRole));
            await passwords.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(
            $$"""
            DO $roles$
            DECLARE r record;
            BEGIN
                -- Each change only when needed: a later start changes nothing, so processes starting together do not collide.
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{{OwnerRole}}') THEN
                    EXECUTE format('CREATE ROLE {{OwnerRole}} LOGIN NOSUPERUSER NOCREATEROLE PASSWORD %L', current_setting('drain.owner_password'));
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{{ApplicationRole}}') THEN
                    EXECUTE format('CREATE ROLE {{ApplicationRole}} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
                        current_setting('drain.app_password'));
                ELSIF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = '{{ApplicationRole}}') THEN
                    -- Created NOLOGIN by migration 0013, run here as the superuser before this server made its roles.
                    EXECUTE format('ALTER ROLE {{ApplicationRole}} LOGIN PASSWORD %L', current_setting('drain.app_password'));
                END IF;
                IF NOT pg_has_role('{{OwnerRole}}', '{{ApplicationRole}}', 'MEMBER') THEN
                    GRANT {{ApplicationRole}} TO {{OwnerRole}};
                END IF;
                IF (SELECT datdba FROM pg_database WHERE datname = current_database()) <> '{{OwnerRole}}'::regrole THEN
                    EXECUTE format('ALTER DATABASE %I OWNER TO {{OwnerRole}}', current_database());
                END IF;
                FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE n.nspname IN ('public', 'hangfire') AND c.relkind IN ('r', 'p', 'v', 'm')
                            AND c.relowner = '{{SuperUser}}'::regrole LOOP
                    EXECUTE format('ALTER TABLE %s OWNER TO {{OwnerRole}}', r.name);
                END LOOP;
                FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                          WHERE n.nspname IN ('public', 'hangfire') AND p.proowner = '{{SuperUser}}'::regrole LOOP
                    EXECUTE format('ALTER FUNCTION %s OWNER TO {{OwnerRole}}', r.name);
                END LOOP;
                IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'hangfire' AND nspowner = '{{SuperUser}}'::regrole) THEN
                    ALTER SCHEMA hangfire OWNER TO {{OwnerRole}};
                END IF;
            EXCEPTION
                -- Another process of this data directory did it a moment ago.
                WHEN duplicate_object OR unique_violation THEN NULL;
            END
            $roles$
            """,
            connection,
            transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Persistence.Migrations;

/// <summary>
/// Applies the forward-only schema files in order, each in its own transaction, under a PostgreSQL advisory lock so
/// that processes starting together apply each file exactly once. Refuses to run when an applied file changed or the
/// applied history does not match the files.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<SchemaMigrator> logger)
{
    /// <summary>The advisory lock key every DrainOrchestrator migrator takes ("DrainOrc" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x4472_6169_6E4F_7263;

    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     integer     PRIMARY KEY,
            file_name   text        NOT NULL UNIQUE,
            sha256      text        NOT NULL,
            applied_at  timestamptz NOT NULL,
            duration_ms integer     NOT NULL
        )
        """;

    /// <summary>Brings the schema up to date with <paramref name="migrations"/>.</summary>
    public async Task<MigrationResult> MigrateAsync(MigrationSet migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        try
        {
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            if (applied.Count == 0)
            {
                // Only then: the application role (README "Database roles") may not create tables, but finds nothing to do.
                await connection.ExecuteAsync(new CommandDefinition(CreateHistoryTable, cancellationToken: cancellationToken));
            }

            var pending = MigrationPlan.Pending(migrations, applied);
            var done = new List<string>(pending.Count);
            foreach (var script in pending)
            {
                await ApplyAsync(connection, script, cancellationToken);
                done.Add(script.FileName);
            }

            if (done.Count == 0)
            {
                logger.SchemaUpToDate(applied.Count);
            }

            return new MigrationResult(done, applied.Count);
        }
        finally
        {
            // Unlock even when cancelled: the session may be returned to a pool.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>Reads the database's record of applied files, oldest first.</summary>
    public static async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", cancellationToken: cancellationToken));
        if (!exists)
        {
            return [];
        }

        var rows = await connection.QueryAsync<(int Version, string FileName, string Sha256, DateTime AppliedAt)>(
            new CommandDefinition(
                "SELECT version, file_name, sha256, applied_at FROM schema_migrations ORDER BY version",
                cancellationToken: cancellationToken));
        return rows.Select(r => new AppliedMigration(
            r.Version, r.FileName, r.Sha256, new DateTimeOffset(DateTime.SpecifyKind(r.AppliedAt, DateTimeKind.Utc)))).ToList();
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO schema_migrations (version, file_name, sha256, applied_at, duration_ms)
                VALUES (@Version, @FileName, @Sha256, @AppliedAt, @DurationMs)
                """,
                new
                {
                    script.Version,
                    script.FileName,
                    script.Sha256,
                    AppliedAt = timeProvider.GetUtcNow(),
                    DurationMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            var hint = ex.SqlState == PostgresErrorCodes.InsufficientPrivilege
                ? " Run the migration as the schema owner (drainctl db migrate --db with the owner's connection, or DRAIN_DB_OWNER), not as the application role."
                : ex.Hint is { Length: > 0 } h ? " " + h : string.Empty;
            throw new SchemaMigrationException(
                $"Schema file '{script.FileName}' failed and was rolled back: {ex.MessageText} (SQLSTATE {ex.SqlState}{FormatPosition(ex)}).{hint}",
                script.FileName,
                ex);
        }

        logger.SchemaFileApplied(script.FileName, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static string FormatPosition(PostgresException ex) =>
        ex.Position > 0 ? $", at character {ex.Position}" : string.Empty;
}
